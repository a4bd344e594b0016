# TEST: int keys (m[k] and m[k] = v find a small int key inline; everything else takes the
# slow path): a float key stored first is found and kept by an equal int, boxed ints past
# the small-int range and their equal floats are one key, NaN finds itself, -0.0 is 0, and
# a missing int raises KeyError; the same instruction then indexes lists, strings and
# tuples; updating a value during a for is allowed, inserting is not
#> f f
#> {1.0: "x"}
#> big big
#> max boxed boxed
#> nan
#> zero zero
#> {1.0: "x", 1152921504606846976: "big", 140737488355327: "max", 140737488355328: "boxed", nan: "nan", -0.0: "zero"}
#> -7 neg
#> KeyError 99
#> KeyError 140737488355329
#> 20 30 30 0
#> 12 b 9 -1 x
#> TypeError 'set' object is not subscriptable
#> TypeError unhashable type: 'list' cannot be a map key
#> TypeError 'int' object is not subscriptable
#> {1: 11, 2: 12, 3: 13}
#> ValueError map keys changed during iteration
let m = {1.0: "f"}
print(m[1], m[1.0])
m[1] = "x"
print(m)
let big = 2 ** 60
m[big] = "big"
print(m[2 ** 60], m[1152921504606846976.0])
let edge = 140737488355327
m[edge] = "max"
m[edge + 1] = "boxed"
print(m[edge], m[edge + 1], m[140737488355328.0])
let nan = float("nan")
m[nan] = "nan"
print(m[nan])
m[-0.0] = "zero"
print(m[0], m[0.0])
print(m)
m[-7] = "neg"
for k in [-7]:
    print(k, m[k])
try:
    print(m[99])
except KeyError as e:
    print("KeyError", e)
try:
    print(m[edge + 2])
except KeyError as e:
    print("KeyError", e)

def get(c, k):
    return c[k]

def put(c, k, v):
    c[k] = v

let n = {}
for i in range(3):
    put(n, i, (i + 1) * 10)
put(n, 0, 0)
print(get(n, 1), n[2], get(n, 2), n[0])
let things = [[11, 12], "ab", (8, 9), {1: -1}, {1.0: "x"}]
let out = []
for t in things:
    out.append(get(t, 1))
print(*out)
try:
    print({1, 2}[0])
except TypeError as e:
    print("TypeError", e)
try:
    print(m[[1]])
except TypeError as e:
    print("TypeError", e)
try:
    print(get(5, 1))
except TypeError as e:
    print("TypeError", e)
let p = {1: 1, 2: 2, 3: 3}
for k in p:
    p[k] = p[k] + 10
print(p)
try:
    for k in p:
        p[k + 3] = 0
except ValueError as e:
    print("ValueError", e)
