# TEST: 0, 0.0 and -0.0 are the same map key
#> zero 1
let m = {}
m[0] = "zero"
m[-0.0] = "zero"
print(m[0.0], len(m))
