# TEST: several garbage coroutines are closed on fresh threads, one finally each, exactly once
#> x
#> y
#> gc done
#> cleanup x
#> cleanup y
#> end
# UNORDERED: yes
def g(name):
    try:
        yield name
    finally:
        print("cleanup", name)
def make(name):
    let co = coroutine(g, name)
    print(co.resume())
make("x")
make("y")
gc()
print("gc done")
sleep(0.01)
gc()
sleep(0.01)
print("end")
