# TEST: calling a class: init with exact arguments, defaults, *args, **kw, keywords, no init, an inherited init, errors in init, init in a thread and a coroutine
#> P(1, 2) P(3, 4) P(5, -5)
#> 11 3 7
#> [1, (), {}] [1, (2, 3), {}] [1, (), {"z": 2}]
#> 10 6
#> true
#> 1
#> caught: too big: 2
#> 42 true true
#> TypeError: init() missing required argument 'y'
#> TypeError: Empty() takes no arguments (it has no init method)
#> P(8, 9)
#> P(6, 7)
#> P(999, 998001) 1000
class P:
    def init(self, x, y):
        self.x = x
        self.y = y
    def str(self):
        return "P(" + str(self.x) + ", " + str(self.y) + ")"
class D:
    def init(self, a, b = 10):
        self.s = a + b
class V:
    def init(self, a, *rest, **kw):
        self.n = [a, rest, kw]
class K:
    def init(self, a, *, k = 5):
        self.v = a * k
class Empty:
    pass
class Q(P):
    pass
class R(P):
    def init(self, x):
        super.init(x, -x)
class Boom:
    def init(self, n):
        if n > 1:
            raise ValueError("too big: " + str(n))
        self.n = n
class MyErr(ValueError):
    def init(self, code):
        self.code = code
print(P(1, 2), Q(3, 4), R(5))
print(D(1).s, D(1, 2).s, D(b = 3, a = 4).s)
print(V(1).n, V(1, 2, 3).n, V(1, z = 2).n)
print(K(2).v, K(2, k = 3).v)
print(isinstance(Empty(), Empty))
print(Boom(1).n)
try:
    Boom(2)
except ValueError as e:
    print("caught:", e)
let e = MyErr(42)
print(e.code, str(e) == "", isinstance(e, ValueError))
try:
    P(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Empty(1)
except TypeError as e:
    print("TypeError:", e)
print((spawn P(8, 9)).join())
let co = coroutine(P, 6, 7)
print(co.resume())
def make(n):
    let out = []
    for i in range(n):
        out.append(P(i, i * i))
    return out
let ps = make(1000)
print(ps[999], len(ps))
