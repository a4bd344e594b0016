# TEST: int() of a non-numeric string raises ValueError; int() of a list raises TypeError
#> ValueError
#> ValueError
#> TypeError
try:
    int("abc")
except ValueError as e:
    print("ValueError")
try:
    float("x1")
except ValueError as e:
    print("ValueError")
try:
    int([1])
except TypeError as e:
    print("TypeError")
