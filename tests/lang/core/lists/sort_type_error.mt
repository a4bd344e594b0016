# TEST: sorting a list of unlike types raises TypeError
#> TypeError
try:
    [1, "a", 2].sort()
except TypeError as e:
    print("TypeError")
