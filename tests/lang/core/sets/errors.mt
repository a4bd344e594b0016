# TEST: set errors: unhashable members, missing members, pop of an empty set, unsupported operators and comparisons, editing while iterating
#> TypeError unhashable type: 'list' cannot be a map key
#> TypeError unhashable type: 'set' cannot be a map key
#> TypeError unhashable type: 'map' cannot be a map key
#> TypeError unhashable type: 'list' cannot be a map key
#> TypeError unhashable type: 'list' cannot be a map key
#> TypeError unhashable type: 'set' cannot be a map key
#> KeyError 9
#> KeyError "k"
#> KeyError pop from an empty set
#> TypeError unsupported operand types for +: 'set' and 'set'
#> TypeError unsupported operand types for |: 'set' and 'list'
#> TypeError unsupported operand types for -: 'map' and 'map'
#> TypeError '<' not supported between 'set' and 'list'
#> TypeError unsupported operand types for &: 'map' and 'map'
#> ValueError set changed during iteration
#> TypeError unhashable type: 'list' cannot be a map key
#> TypeError object of type 'int' has no len()
let s = {1}
let cases = [
    fn(): {[1]},
    fn(): {{1}},
    fn(): s.add({}),
    fn(): set([[1]]),
    fn(): [1] in s,
    fn(): {s: 1},
    fn(): s.remove(9),
    fn(): {"a"}.remove("k"),
    fn(): set().pop(),
    fn(): s + s,
    fn(): s | [1],
    fn(): {1: 2} - {1: 2},
    fn(): s < [1],
    fn(): {1: 2} & {3: 4},
]
for f in cases:
    try:
        f()
    except Error as e:
        print(type(e), e.message)
try:
    let t = {1, 2, 3}
    for x in t:
        t.add(x + 10)
except ValueError as e:
    print(type(e), e.message)
try:
    s.discard([1])
except TypeError as e:
    print(type(e), e.message)
try:
    len(3)
except TypeError as e:
    print(type(e), e.message)
