# Tuples, unpacking, slices with a step, slice assignment and del: every allocation they
# make (tuple displays, tuple keys, starred lists, collected iterables, step slices).
let grid = {}
for x in range(6):
    for y in range(6):
        grid[(x, y)] = x * y
let t = (1, "a", (2.5, nil))
print(t, t[::-1], t + (3,), t * 2, grid[(3, 4)], (5, 5) in grid)
let a, *rest = range(5)
let (p, q), r = "hi", [1, 2]
let b = 0
a, b = rest[-1], a
print(a, rest, p, q, r, tuple("xyz"), "héllo"[::-2])
let xs = list(range(12))
xs[1:3] = ("a", "b", "c", "d")
xs[::4] = [0, 0, 0, 0]
del xs[::3], xs[0]
del grid[(0, 0)]
let co = coroutine(fn(): [(yield 1), (yield 2)])
let u, v = co
print(xs, len(grid), u, v, b"abcdef"[::2], f"{t}")
