# TEST: generator expressions (e for x in it if c) are coroutines that for, list(), sum() and max() consume lazily; the sole argument of a call needs no extra parentheses
#> coroutine
#> 2
#> 4
#> 14
#> ["a", "b", "c"]
#> 6
#> [[0, "a"], [1, "a"]]
#> []
let g = (x + 1 for x in [1, 2, 3] if x != 2)
print(type(g))
for v in g:
    print(v)
print(sum(x * x for x in range(4)))
print(list(c for c in "abc"))
print(max((x * 2 for x in [1, 2, 3])))
print(list([i, s] for i in range(2) for s in "a"))
print(list(x for x in []))
