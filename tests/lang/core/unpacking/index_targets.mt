# TEST: local[local] targets in a target list are one SET_INDEX_LL each, and a, b = b, a
# swaps in place: the swap idiom, left-to-right stores (the last wins), mixed and nested
# targets, negative indexes, []= methods, errors of a store after earlier stores (exact
# messages and line).
# EXIT: 1
# STDERR: index_targets.mt:66, in <module>
# STDERR: TypeError: 'str' object does not support item assignment
#> [4, 2, 3, 1]
#> [20, 2, 3, 1]
#> ["x", 2, 3, 1] {"a": "y"} z
#> [7, 2, 3, 8] 9
#> 1 9
#> [8, 2, 3, 7]
#> set 0 1
#> set 3 3
#> {0: 1, 3: 3} [8, 2, 3, 2]
#> [[1, 0, -1], [0, -2, 0], [-3, 0, 3]]
#> E1 list assignment index 9 out of range (length 4) [1, 2, 3, 2]
#> E2 'nil' object does not support item assignment [3, 2, 3, 2]
let xs = [1, 2, 3, 4]
let i = 0
let j = 3
xs[i], xs[j] = xs[j], xs[i]
print(xs)
xs[i], xs[i] = 10, 20
print(xs)
let m = {"a": 1}
let k = "a"
let a = 0
xs[i], m[k], a = "x", "y", "z"
print(xs, m, a)
(xs[i], xs[j]), a = [7, 8], 9
print(xs, a)
let b = 1
a, b = b, a
print(a, b)
xs[-1], xs[-4] = xs[-4], xs[-1]
print(xs)
class Box:
    def init(self):
        self.d = {}
    def []=(self, key, v):
        print("set", key, v)
        self.d[key] = v
let bx = Box()
bx[i], xs[j], bx[j] = 1, 2, 3
print(bx.d, xs)
let acc = []
for i in range(3):
    let t = [0, 0, 0]
    t[i], t[2 - i] = i + 1, -(i + 1)
    acc.append(t)
print(acc)
let far = 9
try:
    xs[i], xs[far] = 1, 2
except IndexError as e:
    print("E1", e.message, xs)
let n = nil
try:
    xs[i], n[i] = 3, 4
except TypeError as e:
    print("E2", e.message, xs)
let s = "abc"
xs[i], xs[j] = 0, 0
xs[i], s[i] = 1, 2
