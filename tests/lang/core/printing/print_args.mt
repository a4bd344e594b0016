# TEST: print writes its arguments with str, separated by one space, then a newline; no args prints an empty line
#> a 1 2.5 nil true false
#> 
#> x
print("a", 1, 2.5, nil, true, false)
print()
print("x")
