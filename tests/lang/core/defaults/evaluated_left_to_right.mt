# TEST: defaults are evaluated left to right, only when omitted, and may use earlier parameters
#> eval b
#> eval c
#> 1 2 3
#> eval c
#> 1 5 3
#> 2 4
def t(name, v):
    print("eval " + name)
    return v
def f(a, b = t("b", 2), c = t("c", 3)):
    print(a, b, c)
f(1)
f(1, 5)
def g(a, b = a * 2):
    print(a, b)
g(2)
