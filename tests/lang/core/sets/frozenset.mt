# TEST: frozensets are immutable, hashable (map keys, set members) and equal whatever their order
#> x true
#> {frozenset({1, 2}), frozenset()}
#> AttributeError
#> frozenset({1, 2}) frozenset({"a"})
#> true
let f = frozenset([1, 2])
let m = {f: "x"}
print(m[frozenset([2, 1])], hash(f) == hash(frozenset([2, 1])))
print({f, frozenset([2, 1]), frozenset()})
try:
    f.add(3)
except AttributeError as e:
    print(type(e))
print(f.copy(), frozenset({"a"}))
print(frozenset([1, 2]) in {frozenset([2, 1]): 1})
