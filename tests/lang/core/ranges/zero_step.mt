# TEST: range with step 0 raises ValueError
#> ValueError
try:
    range(1, 5, 0)
    print("WRONG")
except ValueError as e:
    print("ValueError")
