# TEST: tuple displays: (a, b), (a,), (), a trailing comma; (x) and (yield v) only group; repr like Python
#> (1, "a") (1,) () (1, 2) 3
#> (1, "a") (1, "a") ("x",) tuple tuple int
#> [(1, 2), ("k", [3])] {"k": (nil, true)}
#> ((1, 2), (3,)) 2
#> 1
#> got 5
#> (1, 2) (1, "a") (1, "a") (1.5, -0.0, b"x")
#> 300 299 tuple
let t = (1, "a")
print(t, (1,), (), (1, 2,), (3))
print(repr(t), str(t), str(("x",)), type(t), type(()), type((1)))
print([(1, 2), ("k", [3])], {"k": (nil, true)})
print(((1, 2), (3,)), len(((1, 2), 3)))
def gen():
    let got = (yield 1)
    print("got", got)
let co = coroutine(gen)
print(co.resume())
co.resume(5)
let u = (
    1,
    2,
)
print(u, f"{t} {t!r}", (1.5, -0.0, b"x"))
let big = tuple(range(300))
print(len(big), big[299], type(big))
