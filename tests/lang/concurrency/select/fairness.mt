# TEST: with several cases ready, the choice is random but fair: over many selects every case runs
# (With the fixed per-VM seed the counts are the same every run; only fairness is asserted.)
#> a chosen: true
#> b chosen: true
#> c chosen: true
#> no case starved: true
#> total 300
let a = channel(1)
let b = channel(1)
let c = channel(1)
a.send(1)
b.send(1)
c.send(1)
let na = 0
let nb = 0
let nc = 0
for i in range(300):
    select:
        case a.recv() as v:
            na += 1
            a.send(1)
        case b.recv() as v:
            nb += 1
            b.send(1)
        case c.recv() as v:
            nc += 1
            c.send(1)
print("a chosen:", na > 0)
print("b chosen:", nb > 0)
print("c chosen:", nc > 0)
print("no case starved:", na > 30 and nb > 30 and nc > 30)
print("total", na + nb + nc)
