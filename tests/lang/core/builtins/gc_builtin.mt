# TEST: gc() runs a collection and live data survives it
#> [1, 2, 3] 499500
let keep = [1, 2, 3]
for i in range(1000):
    let garbage = [i, str(i), {"k": i}]
gc()
let t = 0
for i in range(1000):
    t += i
gc()
print(keep, t)
