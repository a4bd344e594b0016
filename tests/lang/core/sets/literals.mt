# TEST: set displays keep insertion order and drop repeats; {} is a map; set() and frozenset() are empty; repr and type; 1 and 1.0 are one member (the first kept)
#> {1, 2, 3} set 3
#> {3, 1, 2} {"a", 1.5, nil, true}
#> {} map set() set frozenset() frozenset
#> {1} {1.0} true false
#> {1, 2} set()
let s = {1, 2, 3, 2, 1}
print(s, type(s), len(s))
print({3, 1, 2}, {"a", 1.5, nil, true,})
print({}, type({}), set(), type(set()), frozenset(), type(frozenset()))
print({1, 1.0}, {1.0, 1}, bool({0}), bool(set()))
let t = {
    1,
    2,
}
print(t, repr(set()))
