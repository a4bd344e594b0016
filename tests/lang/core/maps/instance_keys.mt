# TEST: instances and functions are map keys by identity
#> a b
#> 2
#> false
class K:
    pass
let k1 = K()
let k2 = K()
let m = {}
m[k1] = "a"
m[k2] = "b"
print(m[k1], m[k2])
print(len(m))
print(K() in m)
