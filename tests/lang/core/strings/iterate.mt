# TEST: for over a string yields one-character strings
#> a
#> b
#> c
#> 3
let n = 0
for ch in "abc":
    print(ch)
    n += 1
print(n)
