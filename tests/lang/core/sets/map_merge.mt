# TEST: m | n is a new map: m's items then n's, n's values winning; the operands are unchanged
#> {"a": 1, "b": 20, "c": 30}
#> {"a": 1, "b": 2} {"b": 20, "c": 30}
#> {} {1: 1}
let m = {"a": 1, "b": 2}
let n = {"b": 20, "c": 30}
print(m | n)
print(m, n)
print({} | {}, {} | {1: 1})
