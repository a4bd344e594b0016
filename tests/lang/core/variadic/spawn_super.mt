# TEST: spawn f(*xs) and spawn f(**m) start the thread with the spread arguments; super calls, coroutine() and sort keys reach variadic functions; defaults run after the prologue fills *args
#> [1, (2, 3), {}]
#> [0, (), {"k": 5}]
#> B (1, 2)
#> A (1, 2)
#> (7, 8)
#> [[0, 1], 4]
#> [3, 1, 2]
def f(a, *rest, **kw):
    return [a, rest, kw]
print((spawn f(*[1, 2, 3])).join())
print((spawn f(0, **{"k": 5})).join())
class A:
    def m(self, *xs):
        print("A", xs)
class B(A):
    def m(self, *xs):
        print("B", xs)
        super.m(1, 2)
B().m(1, 2)
let co = coroutine(fn(*xs): xs, 7, 8)
print(co.resume(nil))
def d(a=[x for x in range(2)], *more, n=len([y for y in range(4)])):
    return [a, n]
print(d())
print(sorted([1, 2, 3], key=fn(*v): -v[0] if v[0] == 3 else v[0]))
