# TEST: a popped key that is set again goes to the end of the order
#> {"b": 2, "c": 3, "a": 9}
let m = {"a": 1, "b": 2, "c": 3}
m.pop("a")
m["a"] = 9
print(m)
