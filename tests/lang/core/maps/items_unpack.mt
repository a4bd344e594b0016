# TEST: for k, v in m.items() unpacks each [key, value] pair
#> a=1
#> b=2
#> 3
let m = {"a": 1, "b": 2}
let total = 0
for k, v in m.items():
    print(f"{k}={v}")
    total += v
print(total)
