# TEST: a keyword argument may skip an earlier defaulted parameter
#> 1 b Z
def f(a, b = "b", c = "c"):
    print(a, b, c)
f(1, c="Z")
