# TEST: compound assignments &= |= ^= <<= >>= **= //= %= on variables, items, fields and map values
#> 8
#> 13
#> 14
#> 112
#> 28
#> 784
#> 112
#> 2
#> [2, 7, 3, 12, 3]
#> [2, 49, 3, 12, 3]
#> 0
#> 6
#> 4 4 true true
let n = 12
n &= 10
print(n)
n |= 5
print(n)
n ^= 3
print(n)
n <<= 3
print(n)
n >>= 2
print(n)
n **= 2
print(n)
n //= 7
print(n)
n %= 5
print(n)
let xs = [6, 6, 6, 6, 6]
xs[0] &= 3
xs[1] |= 1
xs[2] ^= 5
xs[3] <<= 1
xs[4] >>= 1
print(xs)
let i = 1
xs[i] **= 2
print(xs)
class C:
    pass
let c = C()
c.f = 7
c.f ^= 2
c.f <<= 1
c.f %= 5
c.f //= 2
print(c.f)
let m = {"k": 255}
m["k"] >>= 4
m["k"] &= 6
print(m["k"])
let s = 1 << 2
print(s, 16 >> 2, 1 <= 2, 3 >= 3)
