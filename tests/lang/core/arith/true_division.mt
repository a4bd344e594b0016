# TEST: / is always float division, even for ints that divide evenly
#> 3.5 2.0 -2.5 float
#> 0.5 1.0
print(7 / 2, 4 / 2, -5 / 2, type(4 / 2))
print(1.0 / 2, 3 / 3.0)
