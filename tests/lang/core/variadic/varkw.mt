# TEST: def f(**kw): the keyword arguments no parameter takes, in a map in the order given; with every other kind of parameter
#> {}
#> {"b": 2, "a": 1}
#> 1 (2,) 3 {"z": 4, "y": 5}
#> 1 {"b": 2}
def f(**kw):
    print(kw)
f()
f(b=2, a=1)
def g(a, *args, k, **kw):
    print(a, args, k, kw)
g(1, 2, z=4, k=3, y=5)
def h(a, **kw):
    print(a, kw)
h(b=2, a=1)
