# TEST: union, intersection, difference, symmetric_difference, issubset, issuperset, isdisjoint take any iterable
#> {1, 2, 3, 4} {2} {1} {1, 3, 4}
#> true false true
#> true false
#> {1, 2, 7} false
#> frozenset({1, 2, 9}) frozenset({1})
let s = {1, 2}
print(s.union([3, 4]), s.intersection(range(2, 9)), s.difference([2]), s.symmetric_difference({2, 3, 4}))
print(s.issubset(range(5)), s.issuperset([1, 2, 3]), s.issuperset([1]))
print(s.isdisjoint("ab"), s.isdisjoint({2: "x"}))
def gen():
    yield 7
print(s.union(coroutine(gen)), s.issubset(coroutine(gen)))
let f = frozenset(s)
print(f.union([9]), f.difference({2}))
