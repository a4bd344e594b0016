# TEST: ** with a float operand gives a float
#> 1.4142135623730951
#> 8.0 float
#> 2.25
print(2 ** 0.5)
print(2.0 ** 3, type(2.0 ** 3))
print(1.5 ** 2)
