# TEST: strings are immutable: item assignment raises TypeError
#> TypeError
#> abc
let s = "abc"
try:
    s[0] = "x"
except TypeError as e:
    print("TypeError")
print(s)
