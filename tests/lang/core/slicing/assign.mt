# TEST: slice assignment on lists: xs[a:b] = iterable may change the length; with a step the sizes must match
#> [0, "a", "b", "c", 3, 4, 5]
#> [10, "a", 20, "c", 30, 4, 40]
#> ["x", "y"]
#> ["x", 0, 1, 2, "y"]
#> ["x", 0, 1, 2, "y", "x", 0, 1, 2, "y"]
#> ["x", 0]
#> ["x", 0, 7]
#> [3, 2, 1]
#> ["c1", "c2", 2, 1]
#> attempt to assign sequence of size 3 to extended slice of size 2
#> can only assign an iterable to a slice, not int
#> 'tuple' object does not support slice assignment
#> 'str' object does not support slice assignment
let ys = list(range(6))
ys[1:3] = ["a", "b", "c"]
print(ys)
ys[::2] = (10, 20, 30, 40)
print(ys)
ys[:] = "xy"
print(ys)
ys[1:1] = range(3)
print(ys)
ys[len(ys):] = ys
print(ys)
ys[2:] = []
print(ys)
ys[5:1] = [7]
print(ys)
ys[::-1] = [1, 2, 3]
print(ys)
let co = coroutine(fn(): [(yield "c1"), (yield "c2")])
ys[0:1] = co
print(ys)
try:
    ys[::2] = [1, 2, 3]
except ValueError as e:
    print(e.message)
try:
    ys[0:1] = 5
except TypeError as e:
    print(e.message)
try:
    let t = (1, 2)
    t[0:1] = [3]
except TypeError as e:
    print(e.message)
try:
    "abc"[0:1] = "x"
except TypeError as e:
    print(e.message)
