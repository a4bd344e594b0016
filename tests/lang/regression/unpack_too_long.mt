# TEST: regression: for a, b over a 3-element list silently dropped the third value instead of raising ValueError
#> ValueError
try:
    for a, b in [[1, 2, 3]]:
        print("WRONG", a, b)
except ValueError as e:
    print("ValueError")
