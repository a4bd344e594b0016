# TEST: for x in range(n) / range(a, b) counts without making the range when range is the built-in one and the bounds are small ints; otherwise (floats, boxed ints, bools, a step, a local or module-level range of the script's own) the call runs as before
#> 0
#> 1
#> 2
#> 2
#> 3
#> 4
#> -2
#> -1
#> 0
#> 0
#> 2
#> 4
#> range() argument 1 must be an int, not float
#> 140737488355326
#> 140737488355327
#> 1125899906842624
#> 1125899906842625
#> local 7
#> local 7
#> 0 0
#> 0 1
#> 1 1
#> 1 2
#> [0, 1, 2] 10
#> [5, 6]
#> range() argument 1 must be an int, not bool
#> g 1
#> g mine
#> g 1
#> g 2
#> mine
#> 1
#> 2
for i in range(3):
    print(i)
for i in range(2, 5):
    print(i)
for i in range(5, 2):
    print("no", i)
for i in range(-2, 1):
    print(i)
for i in range(0, 6, 2):
    print(i)
let n = 2.0
try:
    for i in range(n):
        print(i)
except TypeError as e:
    print(e)
for i in range(140737488355326, 140737488355328):
    print(i)
for i in range(2**50, 2**50 + 2):
    print(i)
def f():
    let range = fn(x): [x, x]
    for i in range(7):
        print("local", i)
f()
for i in [0, 1]:
    for j in [i, i + 1]:
        print(i, j)
let fs = []
let m = 3
for i in range(m):
    m = 10
    fs.append(fn(): i)
    if i == 1:
        continue
print([f() for f in fs], m)
def upto(k):
    let out = []
    for i in range(k, k + 3):
        out.append(i)
        if i == k + 1:
            break
    return out
print(upto(5))
try:
    for i in range(true, 3):
        print("bool", i)
except TypeError as e:
    print(e)
def g():
    for i in range(1, 2):
        print("g", i)
g()
let range = fn(a, b=nil): ["mine", a, b]
g()
for i in range(1, 2):
    print(i)
