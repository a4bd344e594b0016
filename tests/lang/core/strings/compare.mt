# TEST: strings compare by content with == and by code point with < >
#> true false
#> true true true false
#> true
let a = "ab"
let b = "a" + "b"
print(a == b, a != b)
print("abc" < "abd", "B" < "a", "ab" < "abc", "b" < "abc")
print("Z" < "é")
