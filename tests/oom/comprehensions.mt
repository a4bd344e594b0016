# Comprehensions, generator expressions and variadic calls: the containers they build,
# the coroutine a generator expression makes, *args/**kw binding and spread calls.
print([x * x for x in range(20) if x % 3])
print({str(k): [k] for k in range(6)})
print({k % 4 for k in range(12)})
print([[a, b] for a in "xy" for b in range(2)])
print(sum(x for x in range(50)))
print(list(str(x) for x in [1, 2, 3] if x > 1))
let fs = [fn(): i for i in range(4)]
print([f() for f in fs])
def v(a, *rest, key = "k", **kw):
    return [a, rest, key, kw]
print(v(1, 2, 3, key = "z", extra = [4]))
print(v(*[5, 6], **{"key": "q", "more": 7}))
print(v(*(x for x in range(3)), *"ab"))
def kwonly(*, need, opt = [1]):
    return [need, opt]
print(kwonly(need = 2))
try:
    kwonly()
except TypeError as e:
    print(e.message)
class P:
    def init(self, *xs, **kw):
        self.all = [xs, kw]
    def m(self, *xs):
        return xs
print(P(1, 2, a = 3).all, P().m(*range(3)))
print((spawn v(*[9], k2 = 1)).join())
