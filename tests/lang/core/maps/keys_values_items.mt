# TEST: keys, values and items return lists; items are [key, value] lists
#> ["a", "b"] [1, 2]
#> [("a", 1), ("b", 2)]
#> list list list
let m = {"a": 1, "b": 2}
print(m.keys(), m.values())
print(m.items())
print(type(m.keys()), type(m.values()), type(m.items()))
