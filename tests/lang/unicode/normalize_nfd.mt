# TEST: normalize("NFD") decomposes; NFC of NFD round-trips; normalize() defaults to NFC
#> 2
#> true
#> true
let s = "é"
let d = s.normalize("NFD")
print(len(d))
print(d.normalize("NFC") == s)
print(d.normalize() == s)
