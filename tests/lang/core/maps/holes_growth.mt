# TEST: deleted entries leave holes in the insertion order that growth squeezes out: order,
# lookups and counts hold through deletes in the middle and at the end, reinserts, growth
# with holes, churn at a steady size, pop from the end, clear and reuse; set.pop takes the
# member added last even after deletes at the end
#> [1, 3, 5, 7]
#> [1, 3, 5, 20, 21]
#> true false
#> 1000 499500 [0, 2, 4] [1994, 1996, 1998]
#> 50 [950, 951, 952] 48725
#> 0 {}
#> {5: 5, 6: 6}
#> 4 3 {1, 2}
#> 1 {1: "a"}
#> KeyError 0
let m = {}
for i in range(8):
    m[i] = i
for i in [0, 2, 4, 6]:
    del m[i]
print(list(m))
del m[7]
m[20] = 20
m[21] = 21
print(list(m))
print(5 in m, 7 in m)

let g = {}
for i in range(2000):
    g[i] = i
    if i % 2 == 1:
        del g[i]
let s = 0
for k in g:
    s += g[k] // 2
let ks = list(g)
print(len(g), s, ks[:3], ks[-3:])

let churn = {}
for i in range(1000):
    churn[i] = i
    if i >= 50:
        del churn[i - 50]
let t = 0
for k in churn:
    t += churn[k]
print(len(churn), list(churn)[:3], t)

let c = {1: 1, 2: 2}
c.clear()
print(len(c), c)
for i in range(7):
    c[i] = i
for i in range(5):
    del c[i]
print(c)

let st = {1, 2, 3, 4}
st.remove(3)
print(st.pop(), len(st) + 1, st)

let q = {1: "a", 2: "b", 3: "c"}
q.pop(3)
print(len(q) if q.pop(2) == "b" else -1, q)
try:
    print(q[0])
except KeyError as e:
    print("KeyError", e)
