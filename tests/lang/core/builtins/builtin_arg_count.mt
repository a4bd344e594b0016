# TEST: a builtin called with the wrong number of arguments raises TypeError
#> TypeError
#> TypeError
try:
    len()
except TypeError as e:
    print("TypeError")
try:
    len([], [])
except TypeError as e:
    print("TypeError")
