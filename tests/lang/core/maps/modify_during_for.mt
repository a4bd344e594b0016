# TEST: adding or removing a key during a for over the map raises ValueError at the next step
#> a
#> ValueError add
#> a
#> ValueError pop
#> a 10
#> b 20
let m = {"a": 1, "b": 2}
try:
    for k in m:
        print(k)
        m["new"] = 1
    print("WRONG")
except ValueError as e:
    print("ValueError add")
let n = {"a": 1, "b": 2}
try:
    for k in n:
        print(k)
        n.pop("b")
    print("WRONG")
except ValueError as e:
    print("ValueError pop")
let p = {"a": 1, "b": 2}
for k in p:
    p[k] = p[k] * 10
for k in p:
    print(k, p[k])
