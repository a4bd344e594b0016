# TEST: repr of a str uses double quotes and escapes \n \t \" and backslash
#> "plain"
#> "a\nb"
#> "t\tt"
#> "say \"hi\""
#> "back\\slash"
#> ""
#> ["x\ny"]
print(repr("plain"))
print(repr("a\nb"))
print(repr("t\tt"))
print(repr("say \"hi\""))
print(repr("back\\slash"))
print(repr(""))
print(["x\ny"])
