# TEST: call-site spreading: f(*xs) passes an iterable's items, f(**m) a map's entries by name; several spreads, mixed with plain arguments, for plain functions, natives, methods, classes and lambdas
#> 6
#> 6
#> 10
#> 1 (2, 3, 4, 5) {}
#> 1 () {"k": 2, "j": 3}
#> 0 (1, 2, 0, 1) {"x": 1, "b": 2}
#> 3
#> [1, (2, 3)]
#> (1, 2) {"k": 3}
#> 5
#> [3, 2, 1]
#> [0, 2, 4]
#> (1, 2) (3,) (4,)
def add3(a, b, c):
    return a + b + c
print(add3(*[1, 2, 3]))
print(add3(1, *[2], **{"c": 3}))
print(add3(**{"c": 5, "a": 2}, b=3))
def v(a, *rest, **kw):
    print(a, rest, kw)
v(1, *[2, 3], 4, *range(5, 6))
v(*[1], **{"k": 2}, **{"j": 3})
v(0, *"ab" if false else [1, 2], *range(2), x=1, **{"b": 2})
print(max(*[1, 3, 2]))
class P:
    def init(self, *xs, **kw):
        self.xs = xs
        self.kw = kw
    def m(self, a, *rest):
        return [a, rest]
print(P(1).m(*[1, 2, 3]))
let p = P(*[1, 2], **{"k": 3})
print(p.xs, p.kw)
print((fn(*a): a[0] + a[1])(*[2, 3]))
print(sorted(*[[1, 3, 2]], **{"reverse": true}))
print(list(*[(x * 2 for x in range(3))]))
print((fn(*a): a)(*(1, 2)), (fn(*a): a)(*{3}), (fn(*a): a)(*frozenset([4])))
