# TEST: builtins and methods given the wrong argument type raise TypeError
#> TypeError
#> TypeError
#> TypeError
try:
    "abc".startswith(1)
except TypeError as e:
    print("TypeError")
try:
    range("a")
except TypeError as e:
    print("TypeError")
try:
    [1].append()
except TypeError as e:
    print("TypeError")
