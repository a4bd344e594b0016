# TEST: a map with many keys grows correctly and keeps order
#> 10000
#> 0 9999
#> 49995000
let m = {}
for i in range(10000):
    m["k" + str(i)] = i
print(len(m))
let ks = m.keys()
print(m[ks[0]], m[ks[-1]])
let t = 0
for k in m:
    t += m[k]
print(t)
