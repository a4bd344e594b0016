# TEST: an invalid format spec raises ValueError at run time
#> ValueError
try:
    print(f"{42:zz}")
except ValueError as e:
    print("ValueError")
