# TEST: for a, b over an item that is not a 2-element list raises ValueError (too many or too few), never silently drops values
#> ValueError long
#> ValueError short
try:
    for a, b in [[1, 2, 3]]:
        print("WRONG", a, b)
except ValueError as e:
    print("ValueError long")
try:
    for a, b in [[1]]:
        print("WRONG", a, b)
except ValueError as e:
    print("ValueError short")
