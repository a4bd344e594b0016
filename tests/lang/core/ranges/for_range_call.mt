# TEST: for x in range(...) without the range object (CALL_ITER): one and two small-int
# bounds, empty, a step (the object), bounds past the small-int box (2^47), comprehensions,
# nested loops with break, a local or global named range, range as a value, a bad argument
# (the exact messages), a non-callable, a jump past the call (and/or).
#> [0, 1, 2, 3]
#> [-2, -1, 0, 1, 2]
#> [0, 3, 6, 9]
#> [140737488355326, 140737488355327, 140737488355328]
#> [-140737488355329, -140737488355328]
#> [0, 1, 4, 9, 16] [0, 0, 1]
#> [0, 1, 2] [2, 3, 4]
#> ["1", "2", "3"]
#> 0 0
#> 0 1
#> 1 1
#> local range 7
#> local range 8
#> E1 range() argument 1 must be an int, not float
#> E2 range() argument 2 must be an int, not str
#> E3 range() takes at least 1 argument but 0 were given
#> E4 'nil' is not callable
#> r 0
#> r 1
#> and 0
#> and 1
#> or 1
#> shadowed
#> 3
def show(it):
    let out = []
    for x in it:
        out.append(x)
    return out
let n = 4
let acc = []
for i in range(n):
    acc.append(i)
print(acc)
acc = []
for i in range(-2, 3):
    acc.append(i)
print(acc)
acc = []
for i in range(5, 2):
    print("never")
for i in range(0, 10, 3):
    acc.append(i)
print(acc)
acc = []
let big = 2 ** 47
for i in range(big - 2, big + 1):
    acc.append(i)
print(acc)
acc = []
for i in range(-big - 1, -big + 1):
    acc.append(i)
print(acc)
acc = []
print([i * i for i in range(5)], [j for i in range(3) for j in range(i)])
print(show(range(3)), list(range(2, 5)))
for ch in str(123):
    acc.append(ch)
print(acc)
acc = []
for i in range(2):
    for j in range(i, 3):
        if j == 2:
            break
        print(i, j)
def wrapper():
    let range = fn(k): [k, k + 1]
    for v in range(7):
        print("local range", v)
wrapper()
try:
    for i in range(2.5):
        print(i)
except TypeError as e:
    print("E1", e.message)
try:
    for i in range(1, "x"):
        print(i)
except TypeError as e:
    print("E2", e.message)
try:
    for i in range():
        print(i)
except TypeError as e:
    print("E3", e.message)
try:
    for i in nil(3):
        print(i)
except TypeError as e:
    print("E4", e.message)
let r = range
for i in r(2):
    print("r", i)
let t = true
for i in t and range(2):
    print("and", i)
let f = false
for i in f or range(1, 2):
    print("or", i)
let range = fn(k): ["shadowed", k]
for v in range(3):
    print(v)
