# TEST: comparing a large int with a float is exact (like ==): 2^53 + 1 > 2.0^53, and the orderings agree with ==
#> false true false
#> false true false true
#> true
let c = 9007199254740993
let f = 9007199254740992.0
print(c == f, c > f, c < f)
print(c <= f, c >= f, f > c, f < c)
print(sorted([c, f])[1] == c)
