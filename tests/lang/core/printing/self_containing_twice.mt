# TEST: a list that contains itself twice prints [[...], [...]] promptly (no exponential walk)
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
