# TEST: int ** non-negative int is an int; a negative exponent gives a float
#> 1024 int
#> 1 int
#> 0.5 float
#> 0.25
#> -8
print(2 ** 10, type(2 ** 10))
print(5 ** 0, type(5 ** 0))
print(2 ** -1, type(2 ** -1))
print(2 ** -2)
print((-2) ** 3)
