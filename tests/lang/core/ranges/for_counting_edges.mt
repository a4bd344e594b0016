# TEST: for over ranges: negative bounds, empty, steps, near the inline-int limit (2^47),
# a body with other locals, break/continue, and assigning to the loop variable
#> [-3, -2, -1, 0, 1]
#> []
#> [5, 3, 1]
#> [140737488355325, 140737488355326]
#> [140737488355326, 140737488355327, 140737488355328]
#> 90
#> [0, 1, 3]
#> [0, 1, 2]
#> 4
def collect(r):
    let out = []
    for i in r:
        out.append(i)
    return out
print(collect(range(-3, 2)))
print(collect(range(5, 0)))
print(collect(range(5, 0, -2)))
let big = 140737488355327
print(collect(range(big - 2, big)))
print(collect(range(big - 1, big + 2)))
let s = 0
for i in range(10):
    let j = i * 2
    s += j
print(s)
let kept = []
for i in range(10):
    if i == 2:
        continue
    if i == 4:
        break
    kept.append(i)
print(kept)
let seen = []
for i in range(3):
    seen.append(i)
    i = 100
print(seen)
let n = 0
for i in range(2):
    for j in range(2):
        n += 1
print(n)
