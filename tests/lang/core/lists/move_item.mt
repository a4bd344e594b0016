# TEST: xs[i] = ys[j] and xs[i] = v between locals (MOVE_INDEX_LL, MOVE_LOCAL): lists,
# negative indexes, maps, strings, [] and []= methods, a jump past the load, a collection,
# errors of the load and of the store (exact messages; the line of a two-line statement).
# EXIT: 1
# STDERR: move_item.mt:103, in <module>
# STDERR: IndexError: list index 7 out of range (length 3)
#> [30, 2, 10]
#> [1, 2, 10] {"a": 10, "b": 1}
#> ["é", 2, 10]
#> ["é", 2, 5] {"a": 5, "b": 1}
#> get 2
#> set 0 5
#> get 0
#> set 2 0
#> set 0 5
#> [4, 2, 5] {0: 5, 2: 0}
#> [false, 2, 5]
#> E1 list index 7 out of range (length 3)
#> E2 list assignment index 7 out of range (length 3)
#> E3 list assignment index 7 out of range (length 3)
#> E4 'nil' object does not support item assignment
#> E5 'nil' object is not subscriptable
#> E6 list assignment index 1152921504606846976 out of range (length 3)
#> [[3, 4], [1, 2]]
let xs = [1, 2, 3]
let ys = [10, 20, 30]
let i = 0
let j = 2
xs[i] = ys[j]
xs[-1] = ys[-3]
print(xs)
let m = {"a": 1}
let k = "a"
let kk = "b"
m[kk] = m[k]
xs[i] = m[k]
m[k] = xs[j]
print(xs, m)
let s = "héllo"
xs[i] = s[i + 1] if false else s[j - 1]
print(xs)
let t = 5
xs[j] = t
m[k] = t
print(xs, m)
class Box:
    def init(self):
        self.d = {}
    def [](self, key):
        print("get", key)
        return key * 2
    def []=(self, key, v):
        print("set", key, v)
        self.d[key] = v
let b = Box()
xs[i] = b[j]
b[i] = xs[j]
b[j] = b[i]
b[i] = t
print(xs, b.d)
let c = false
xs[i] = c and ys[j]
print(xs)
try:
    xs[i] = ys[j + 5]
except IndexError as e:
    print("E1", e.message)
let far = 7
try:
    xs[far] = ys[j]
except IndexError as e:
    print("E2", e.message)
try:
    xs[far] = t
except IndexError as e:
    print("E3", e.message)
let n = nil
try:
    n[i] = ys[j]
except TypeError as e:
    print("E4", e.message)
try:
    xs[i] = n[j]
except TypeError as e:
    print("E5", e.message)
let big = 2 ** 60
try:
    xs[big] = t
except IndexError as e:
    print("E6", e.message)
xs[i] = ys[j]
def in_function(xs, ys):
    let t = 0
    for i in range(len(xs)):
        t = xs[i]
        xs[i] = ys[i]
        ys[i] = t
    return [xs, ys]
print(in_function([1, 2], [3, 4]))
gc()
xs[i] = ys[j]
xs[i] = ys[
    far]
