# TEST: bool() converts by truthiness
#> false false false false true true true
print(bool(nil), bool(0), bool(""), bool([]), bool(1), bool("x"), bool([0]))
