# TEST: exit with an argument that is neither int nor str raises TypeError
#> TypeError
try:
    exit(2.5)
except TypeError as e:
    print("TypeError")
