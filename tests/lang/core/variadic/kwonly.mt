# TEST: keyword-only parameters after *args or a bare *: passed only by name, with or without defaults, in any order
#> 1 () 10 2
#> 1 (5,) 10 3
#> 7 8
#> sep=- end=!
def f(a, *args, key, other=2):
    print(a, args, key, other)
f(1, key=10)
f(1, 5, other=3, key=10)
def g(*, x, y):
    print(x, y)
g(y=8, x=7)
def show(*, end="!", sep):
    print(f"sep={sep} end={end}")
show(sep="-")
