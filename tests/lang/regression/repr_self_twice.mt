# TEST: regression: a list that contains itself twice hung in repr (the user-callback scan had no cycle check, 2^64 walk)
# TIMEOUT: 5
#> [[...], [...]]
#> [[...], 1, [...]]
let b = []
b.append(b)
b.append(b)
print(b)
let c = []
c.append(c)
c.append(1)
c.append(c)
print(repr(c))
