# TEST: m[x, y] indexes (and assigns, updates, deletes) with the tuple (x, y), as in Python
#> {(1, 2): "a", (3, 4): "b"} a true
#> a!
#> {(1, 2): "a!"}
let m = {}
m[1, 2] = "a"
m[3, 4,] = "b"
print(m, m[1, 2], (3, 4) in m)
m[1, 2] += "!"
print(m[(1, 2)])
del m[3, 4]
print(m)
