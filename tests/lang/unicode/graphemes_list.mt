# TEST: graphemes() returns a list of strings that join back to the original; iteration over it
#> list
#> true
#> a|é|😀
let s = "aé😀"
let g = s.graphemes()
print(type(g))
print("".join(g) == s)
print("|".join(g))
