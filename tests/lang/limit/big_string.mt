# TEST: building a 10 MB string works
#> 10000000
let s = "0123456789" * 1000000
print(len(s))
