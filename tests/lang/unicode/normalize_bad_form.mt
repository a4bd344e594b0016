# TEST: normalize with an unknown form raises ValueError
#> ValueError
try:
    "abc".normalize("XYZ")
except ValueError as e:
    print("ValueError")
