# TEST: abs and round (round half to even, ndigits gives a float)
#> 3 2.5 0 int
#> 2 4 -2 int
#> 3.14 float
print(abs(-3), abs(-2.5), abs(0), type(abs(-3)))
print(round(2.5), round(3.5), round(-2.5), type(round(2.4)))
print(round(3.14159, 2), type(round(3.14159, 2)))
