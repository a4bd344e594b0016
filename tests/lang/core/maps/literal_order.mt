# TEST: maps keep insertion order; reassigning a key keeps its place; len and print
#> {"b": 1, "a": 2, "c": 3}
#> {"b": 10, "a": 2, "c": 3}
#> 3
#> {}
let m = {"b": 1, "a": 2}
m["c"] = 3
print(m)
m["b"] = 10
print(m)
print(len(m))
print({})
