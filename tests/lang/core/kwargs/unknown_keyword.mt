# TEST: an unknown keyword argument raises TypeError
#> TypeError
def f(a):
    return a
try:
    f(1, zz=2)
except TypeError as e:
    print("TypeError")
