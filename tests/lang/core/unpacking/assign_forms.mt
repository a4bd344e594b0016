# TEST: unpacking assignment: names, items, fields, nested, starred, one-item lists, any iterable; the right side is evaluated before any store, stores go left to right
#> 3 4
#> 3 1 2
#> 5 6 7
#> 8 9
#> 10 11
#> 1
#> a ["b", "c", "d"] e
#> [] 9
#> 2 [0, 1, 9, 3]
#> [0, "a", 3] 5
#> ["a", 0, 3]
#> [1, 2, "a", "b"] {"a": 1, "b": 2}
#> 1 2
#> x y
#> h i
#> 0 [1, 2, 3]
#> 1 2
#> (2, 1) tuple
#> (1, 2)
class P:
    pass
let p = P()
p.x, p.y = 3, 4
print(p.x, p.y)
let a = 1
let b = 2
let c = 3
a, b, c = c, a, b
print(a, b, c)
(a, b), c = [5, 6], 7
print(a, b, c)
[a, b] = (8, 9)
print(a, b)
(a, b) = 10, 11
print(a, b)
a, = [1]
print(a)
a, *b, c = "abcde"
print(a, b, c)
*b, c = (9,)
print(b, c)
let xs = [0, 1, 2, 3]
let i = 0
i, xs[i] = 2, 9
print(i, xs)
xs[1:3], p.x = ["a"], 5
print(xs, p.x)
xs[0], xs[1] = xs[1], xs[0]
print(xs)
let log = []
def at(k):
    log.append(k)
    return k
let d = {}
d[at("a")], d[at("b")] = at(1), at(2)
print(log, d)
let co = coroutine(fn(): [(yield 1), (yield 2)])
a, b = co
print(a, b)
a, b = {"x": 1, "y": 2}
print(a, b)
a, b = "hi"
print(a, b)
a, *b = range(4)
print(a, b)
a, b = 1, 2,
print(a, b)
def swap(u, v):
    u, v = v, u
    return u, v
print(swap(1, 2), type(swap(1, 2)))
let t = 1, 2
print(t)
