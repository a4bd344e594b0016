# TEST: sort(key=) is stable: equal keys keep their original order, also with reverse=true
#> ["a", "c", "bb", "dd", "eee"]
#> ["eee", "bb", "dd", "a", "c"]
#> [[1, "x"], [1, "y"], [2, "a"], [2, "b"]]
let words = ["bb", "a", "eee", "dd", "c"]
let w = words.copy()
w.sort(key=len)
print(w)
let w2 = words.copy()
w2.sort(key=len, reverse=true)
print(w2)
let pairs = [[2, "a"], [1, "x"], [2, "b"], [1, "y"]]
pairs.sort(key=fn(p): p[0])
print(pairs)
