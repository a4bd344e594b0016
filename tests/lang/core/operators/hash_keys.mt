# TEST: instances whose class has hash and == are map keys by value with m[k], m[k] = v, m[k] op= v, in and not in; colliding hashes; bad hash results; hash(k); other map methods refuse them
#> 3 b c true false true
#> c! {P(1, 2): "b", P(2, 1): "c!", "s": 1}
#> P(1, 2)
#> P(2, 1)
#> s
#> KeyError P(5, 5)
#> 5 18
#> hash() returned str, not int
#> a 'P' key (it has a hash method) can be used only with m[k], m[k] = v and in
#> true true
#> hash() returned str, not int
class P:
    def init(self, x, y):
        self.x = x
        self.y = y
    def ==(self, o):
        return isinstance(o, P) and self.x == o.x and self.y == o.y
    def hash(self):
        return self.x * 31 + self.y
    def repr(self):
        return f"P({self.x}, {self.y})"
let m = {}
m[P(1, 2)] = "a"
m[P(1, 2)] = "b"
m[P(2, 1)] = "c"
m["s"] = 1
print(len(m), m[P(1, 2)], m[P(2, 1)], P(1, 2) in m, P(9, 9) in m, P(9, 9) not in m)
let k = P(2, 1)
m[k] += "!"
print(m[k], m)
for key in m:
    print(key)
try:
    m[P(5, 5)]
except KeyError as e:
    print("KeyError", e.message)
class Same:
    # every instance hashes alike: == decides
    def init(self, v):
        self.v = v
    def ==(self, o):
        return self.v == o.v
    def hash(self):
        return 7
let s = {}
for i in range(20):
    s[Same(i % 5)] = i
print(len(s), s[Same(3)])
class BadHash:
    def hash(self):
        return "h"
try:
    s[BadHash()] = 1
except TypeError as e:
    print(e.message)
try:
    m.get(P(1, 2))
except TypeError as e:
    print(e.message)
print(hash(P(1, 2)) == hash(33), hash(P(1, 2)) == hash(P(1, 2)))
try:
    hash(BadHash())
except TypeError as e:
    print(e.message)
