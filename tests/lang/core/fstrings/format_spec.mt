# TEST: a ':' at bracket depth 0 in {} starts a format spec; a ':' inside brackets does not
#> 3.14
#> [1, 2]
#> 00042
let pi = 3.14159
let xs = [1, 2, 3]
print(f"{pi:.2f}")
print(f"{xs[0:2]}")
print(f"{42:05d}")
