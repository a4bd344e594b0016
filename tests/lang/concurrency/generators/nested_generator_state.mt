# TEST: independent generators keep separate state; a generator may run another generator inside its loop
#> 0 a
#> 0 b
#> 1 a
#> 1 b
#> 2 a
#> 2 b
#> [0, 1, 2] [0, 1]
def gen(n):
    for i in range(n):
        yield i
def each(xs):
    for x in xs:
        yield x
def pairs():
    for i in coroutine(gen, 3):
        for s in coroutine(each, ["a", "b"]):
            yield [i, s]
for p in coroutine(pairs):
    print(p[0], p[1])
let a = coroutine(gen, 3)
let b = coroutine(gen, 2)
let xs = []
let ys = []
for v in a:
    xs.append(v)
for v in b:
    ys.append(v)
print(xs, ys)
