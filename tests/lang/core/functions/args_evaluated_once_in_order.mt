# TEST: arguments are evaluated once each, left to right
#> a
#> b
#> c
#> abc
def t(x):
    print(x)
    return x
def cat(a, b, c):
    return a + b + c
print(cat(t("a"), t("b"), t("c")))
