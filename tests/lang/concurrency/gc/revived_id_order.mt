# TEST: threads revived by the collector join the run queue in id order and unwind when their turn comes
# GC_STRESS: skip
#> 4 blocks
#> 3 blocks
#> 2 blocks
#> gc done
#> cleanup 2
#> cleanup 3
#> cleanup 4
#> main after yield
def w(n):
    try:
        sleep((5 - n) * 0.003)
        print(n, "blocks")
        channel().recv()
    finally:
        print("cleanup", n)
for n in [2, 3, 4]:
    spawn w(n)
sleep(0.03)
gc()
print("gc done")
sleep(0)
print("main after yield")
