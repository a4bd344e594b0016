# TEST: list literals, indexing, negative indexing, assignment, len, mixed types
#> [1, "two", 3.0, nil, [5]]
#> 1 two [5] 5
#> [1, "two", 99, nil, [5]]
#> 5 0
let a = [1, "two", 3.0, nil, [5]]
print(a)
print(a[0], a[1], a[-1], a[4][0])
a[2] = 99
print(a)
print(len(a), len([]))
