# TEST: a generator expression evaluates its first iterable at once and everything else as it is iterated: items are made one at a time, and names are read when the item is made
#> made
#> take 0
#> take 1
#> [0, 10, 20]
#> TypeError: 'int' object is not iterable
def noisy():
    print("made")
    return range(2)
let g = (x for x in noisy())
for v in g:
    print("take", v)
let n = 5
let gg = (x * n for x in range(3))
n = 10
print(list(gg))
try:
    let bad = (x for x in 5)
    print("not reached")
except TypeError as e:
    print("TypeError:", e.message)
