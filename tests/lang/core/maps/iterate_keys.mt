# TEST: for over a map yields its keys in insertion order
#> x 1
#> y 2
#> z 3
let m = {"x": 1, "y": 2}
m["z"] = 3
for k in m:
    print(k, m[k])
