# TEST: sets with the builtins that take iterables (sorted, list, sum, max, join), set/frozenset subset mix, a non-iterable argument, json refuses sets
#> [1, 2, 3] [3, 1] 3 5 a,b true
#> 'int' object is not iterable
#> TypeError json.encode(): cannot encode a value of type set
let s = {1}
print(sorted({3, 1, 2}), list({3, 1}), sum({1, 2}), max({1, 5}), ",".join({"a", "b"}), {1, 2} <= frozenset([1, 2, 3]))
try:
    s.union(5)
except TypeError as e:
    print(e.message)
import json
try:
    json.encode({1})
except Error as e:
    print(type(e), e.message)
