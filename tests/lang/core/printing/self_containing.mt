# TEST: repr of a container that contains itself prints [...] / {...}
#> [1, [...]]
#> {"me": {...}}
#> {"l": [{...}]}
let a = [1]
a.append(a)
print(a)
let m = {}
m["me"] = m
print(m)
let n = {"l": []}
n["l"].append(n)
print(n)
