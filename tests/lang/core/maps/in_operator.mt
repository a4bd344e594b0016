# TEST: `in` and `not in` test keys, not values
#> true false true
let m = {"a": 1}
print("a" in m, 1 in m, "b" not in m)
