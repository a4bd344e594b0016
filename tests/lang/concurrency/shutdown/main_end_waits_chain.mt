# TEST: threads spawned by threads after main has finished still run to completion
#> main done
#> gen 1
#> gen 2
#> gen 3
def gen(n):
    sleep(0.002)
    print("gen", n)
    if n < 3:
        spawn gen(n + 1)
spawn gen(1)
print("main done")
