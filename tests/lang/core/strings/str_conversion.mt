# TEST: str() of each kind of value
#> 1|2.5|-3|nil|true|false|abc
#> [1, "a", nil]|{"k": [2]}
#> 
print(str(1) + "|" + str(2.5) + "|" + str(-3) + "|" + str(nil) + "|" + str(true) + "|" + str(false) + "|" + str("abc"))
print(str([1, "a", nil]) + "|" + str({"k": [2]}))
print(str())
