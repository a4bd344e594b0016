# TEST: let, for and with as (..) unpack too: globals at the top level, fresh locals in functions (the value cannot see them), closures capture each iteration's
#> 1 2 3 4 5 1 [2, 3] ["x", "y"] z 6 7
#> ("B", "A", "B", "A", 1, 2, [3, 4])
#> k 1
#> j 2
#> 0 k 1
#> 1 j 2
#> 1 [2, 3]
#> 4 []
#> 3
#> [12, 34]
#> left right
#> exit nil
#> left ["right"] ("left", "right")
#> exit nil
#> exit nil
let a, b = 1, 2
let (q, r), s = (3, 4), 5
let first, *rest = [1, 2, 3]
let *init, last = "xyz"
let [u, v] = (6, 7)
print(a, b, q, r, s, first, rest, init, last, u, v)
def f(a, b):
    let a2, b2 = b, a
    let b, a = a, b
    let x, (y, *z) = 1, [2, 3, 4]
    return a2, b2, a, b, x, y, z
print(f("A", "B"))
let m = {"k": 1, "j": 2}
for k, v in m.items():
    print(k, v)
for i, (k, v) in enumerate(m.items()):
    print(i, k, v)
for i, *more in [(1, 2, 3), (4,)]:
    print(i, more)
for (x, y) in [[1, 2]]:
    print(x + y)
def g():
    let fs = []
    for i, j in [(1, 2), (3, 4)]:
        fs.append(fn(): i * 10 + j)
    return [fs[0](), fs[1]()]
print(g())
class Pair:
    def enter(self):
        return ("left", "right")
    def exit(self, err):
        print("exit", err)
with Pair() as (l, rr):
    print(l, rr)
with Pair() as [l, *rest2], Pair() as p:
    print(l, rest2, p)
