# TEST: regression: len(range(MIN, MAX)) returned -1 instead of raising OverflowError
#> OverflowError
try:
    print(len(range(-9223372036854775807 - 1, 9223372036854775807)))
except OverflowError as e:
    print("OverflowError")
