# TEST: a required parameter filled by neither position nor name raises TypeError
#> TypeError
def f(a, b):
    return a
try:
    f(b=1)
except TypeError as e:
    print("TypeError")
