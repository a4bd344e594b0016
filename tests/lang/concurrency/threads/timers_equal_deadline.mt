# TEST: timers with the same duration set one after another fire in the order they were set
#> a
#> b
#> c
#> d
def nap(name):
    sleep(0.02)
    print(name)
for n in ["a", "b", "c", "d"]:
    spawn nap(n)
