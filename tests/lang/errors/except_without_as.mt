# TEST: except E: without `as` catches without binding
#> caught
try:
    raise ValueError("v")
except ValueError:
    print("caught")
