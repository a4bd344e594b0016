# TEST: regression: < > <= >= between a big int and a float converted the int to a double (2^53 + 1 <= 2.0^53 was true while == was false)
#> true false
print(9007199254740993 > 9007199254740992.0, 9007199254740993 <= 9007199254740992.0)
