# TEST: normalize("NFC") composes e + U+0301 into é; without it the strings differ
#> false
#> true
#> 1
#> 2
#> é
let d = "e\u0301"
print(d == "é")
let c = d.normalize("NFC")
print(c == "é")
print(len(c))
print(len(d))
print(c)
