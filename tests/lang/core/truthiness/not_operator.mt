# TEST: not gives a bool from any value's truthiness
#> true true true true true false false false
print(not 0, not "", not [], not {}, not nil, not "a", not [nil], not 0.1)
