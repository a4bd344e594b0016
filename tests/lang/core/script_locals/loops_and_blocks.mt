# TEST: script locals with loops, try and with at the top level: a let inside a block is
# still local to that block, and exceptions unwind past script locals intact
#> 4950 100
#> caught 7
#> inner is local to its block
let total = 0
let steps = 0
for i in range(100):
    total += i
    steps += 1
print(total, steps)
let v = 0
try:
    v = 7
    raise ValueError("x")
except ValueError:
    print("caught", v)
if true:
    let inner = 1
try:
    print(inner)
except NameError:
    print("inner is local to its block")
