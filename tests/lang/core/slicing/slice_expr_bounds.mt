# TEST: slice bounds can be any expression
#> [2, 3]
#> bcd
let a = [1, 2, 3, 4]
let i = 1
print(a[i:i + 2])
let s = "abcde"
print(s[len(s) - 4:len(s) - 1])
