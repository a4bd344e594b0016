# TEST: int() truncates floats toward zero and parses strings; float() converts
#> 3 -3 0 7
#> 42 -17 255
#> 2.5 3.0 -0.25
#> 1 0
print(int(3.9), int(-3.9), int(0.5), int(7))
print(int("42"), int("-17"), int("ff", 16))
print(float("2.5"), float(3), float("-0.25"))
print(int(true), int(false))
