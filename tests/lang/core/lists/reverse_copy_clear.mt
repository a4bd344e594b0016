# TEST: reverse in place, copy is shallow, clear empties
#> [3, 2, 1]
#> [3, 2, 1, 0] [3, 2, 1]
#> true
#> []
let a = [1, 2, 3]
a.reverse()
print(a)
let b = a.copy()
b.append(0)
print(b, a)
let n = [[1]]
let m = n.copy()
m[0].append(2)
print(n[0] == [1, 2])
a.clear()
print(a)
