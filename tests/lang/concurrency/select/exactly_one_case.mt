# TEST: when several cases are ready, exactly one runs; the other channels keep their values
#> ran 1
#> left 1
let a = channel(1)
let b = channel(1)
let c = channel(1)
a.send("a")
b.send("b")
c.send("c")
let ran = 0
select:
    case a.recv() as v:
        ran += 1
    case b.recv() as v:
        ran += 1
    case c.recv() as v:
        ran += 1
print("ran", ran)
# two of the three values are still there
let left = 0
for ch in [a, b, c]:
    select:
        case ch.recv() as v:
            pass
        default:
            left += 1
print("left", left)
