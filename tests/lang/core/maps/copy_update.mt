# TEST: copy is a shallow independent map; update adds and overwrites keys in order
#> {"a": 1} {"a": 1, "b": 2}
#> {"a": 100, "b": 2, "c": 3}
let m = {"a": 1}
let c = m.copy()
c["b"] = 2
print(m, c)
c.update({"a": 100, "c": 3})
print(c)
