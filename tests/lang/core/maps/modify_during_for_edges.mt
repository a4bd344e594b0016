# TEST: key changes during a for over a map are caught even if the size is restored, or on the last item; clear counts; items() is a snapshot list
#> a
#> ValueError pop+readd
#> ValueError on last
#> ValueError clear
#> items is a snapshot
let m = {"a": 1, "b": 2, "c": 3}
try:
    for k in m:
        print(k)
        if k == "a":
            m.pop("b")
            m["b"] = 5
except ValueError as e:
    print("ValueError pop+readd")
let n = {"a": 1, "b": 2}
try:
    for k in n:
        if k == "b":
            n["z"] = 1
    print("WRONG")
except ValueError as e:
    print("ValueError on last")
let p = {"a": 1}
try:
    for k in p:
        p.clear()
    print("WRONG")
except ValueError as e:
    print("ValueError clear")
let q = {"a": 1, "b": 2}
for k, v in q.items():
    q["c" + k] = 3
print("items is a snapshot")
