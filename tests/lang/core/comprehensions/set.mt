# TEST: set comprehensions {e for ...}: duplicates collapse, first-seen order, filters and several for clauses; an unhashable item is a TypeError
#> {0, 1, 2}
#> {"h", "e", "o"}
#> set
#> {2, 3, 4}
#> {frozenset({1}), frozenset({2})}
#> unhashable
print({x % 3 for x in range(10)})
print({c for c in "hello" if c != "l"})
print(type({x for x in []}))
print({a + b for a in [1, 2] for b in [1, 2]})
print({frozenset([x]) for x in [1, 1, 2]})
try:
    print({[x] for x in [1]})
except TypeError as e:
    print("unhashable")
