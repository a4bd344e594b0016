# TEST: mixing int and float promotes to float
#> 3.5 float
#> 2.0 float
#> 6.0
#> -0.5
print(1 + 2.5, type(1 + 2.5))
print(4 - 2.0, type(4 - 2.0))
print(3 * 2.0)
print(0 - 0.5)
