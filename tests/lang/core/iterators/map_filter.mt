# TEST: map and filter return lists and accept any iterable
#> [1, 4, 9]
#> [0, 2, 4]
#> ["A", "B"]
#> list list
print(map(fn(x): x * x, [1, 2, 3]))
print(filter(fn(x): x % 2 == 0, range(5)))
print(map(fn(c): c.upper(), "ab"))
print(type(map(fn(x): x, [])), type(filter(fn(x): x, [])))
