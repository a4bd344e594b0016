# TEST: the run queue is FIFO: yielding threads interleave round-robin in spawn order
#> main
#> a 0
#> b 0
#> c 0
#> main yielded
#> a 1
#> b 1
#> c 1
#> a 2
#> c 2
#> c 3
def w(name, n):
    for i in range(n):
        print(name, i)
        yield
spawn w("a", 3)
spawn w("b", 2)
spawn w("c", 4)
print("main")
yield
print("main yielded")
