# TEST: comparison operators on ints, floats and mixed
#> true false true true false true
#> true true false
#> true false
print(1 < 2, 2 < 1, 2 <= 2, 3 >= 2, 3 > 3, 1 != 2)
print(1 == 1.0, 1.5 > 1, 2 < 1.5)
print(-1 < 0, 0.1 + 0.2 == 0.3)
