# TEST: a thread spawned by a running thread goes behind the threads already queued
#> a1
#> b1
#> main
#> a2
#> b2
#> child of a
def child():
    print("child of a")
def a():
    print("a1")
    yield
    print("a2")
    spawn child()
def b():
    print("b1")
    yield
    print("b2")
spawn a()
spawn b()
yield
print("main")
