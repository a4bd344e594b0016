# TEST: startswith and endswith
#> true false true false true
let s = "prefix-body-suffix"
print(s.startswith("prefix"), s.startswith("body"), s.endswith("suffix"), s.endswith("x-"), s.startswith(""))
