# TEST: equal numbers are the same map key and have the same hash
#> 1
#> true
#> b
let m = {}
m[2] = "a"
m[2.0] = "b"
print(len(m))
print(hash(2) == hash(2.0))
print(m[2])
