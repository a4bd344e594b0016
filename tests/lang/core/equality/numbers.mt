# TEST: == compares numbers by value across int and float
#> true true false true
#> true
print(1 == 1.0, 0 == -0.0, 1 == 1.5, 2.0 != 3)
print(9007199254740992 == 9007199254740992.0)
