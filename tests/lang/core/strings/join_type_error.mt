# TEST: join of a list containing a non-string raises TypeError
#> TypeError
try:
    print(",".join(["a", 1]))
except TypeError as e:
    print("TypeError")
