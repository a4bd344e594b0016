# TEST: tuples compare item by item like lists, are map keys by content when their items are hashable
#> true true false true false
#> true true true true true
#> [(1, "z"), (2, "a"), (2, "b")]
#> {(1, 2): "b", ("x", (nil, true)): "c"} 2 b true false c
#> true true int
#> false
#> '<' not supported between 'tuple' and 'tuple'
#> '<' not supported between 'tuple' and 'list'
print((1, 2) == (1, 2), (1, 2) == (1, 2.0), (1, 2) == [1, 2], () == (), (1,) == 1)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), ("a", 1) <= ("a", 1), () < (0,))
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
let m = {}
m[(1, 2)] = "a"
m[(1, 2.0)] = "b"
m[("x", (nil, true))] = "c"
print(m, len(m), m[(1, 2)], (1, 2) in m, (2, 1) in m, m.get(("x", (nil, true))))
print(hash((1, 2)) == hash((1, 2.0)), hash(()) == hash(()), type(hash((1, "a"))))
let float_nan = float("nan")
print((float_nan,) == (float_nan,))
try:
    print((1, "a") < (1, 2))
except TypeError as e:
    print(e.message)
try:
    print((1,) < [1])
except TypeError as e:
    print(e.message)
