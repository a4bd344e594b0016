# TEST: range(n), range(a, b), range(a, b, step) including negative steps and empty ranges
#> [0, 1, 2]
#> [2, 3, 4]
#> [1, 4, 7]
#> [5, 3, 1]
#> [] [] []
print(list(range(3)))
print(list(range(2, 5)))
print(list(range(1, 9, 3)))
print(list(range(5, 0, -2)))
print(list(range(0)), list(range(5, 2)), list(range(-3)))
