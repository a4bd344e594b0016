# TEST: comprehensions may span lines inside their brackets; a conditional expression is the item, not a filter; `if` filters take `or` expressions
#> [0, "odd", 2]
#> {"b": 2}
#> [1, 2]
print([
    x if x % 2 == 0 else "odd"
    for x in range(3)
])
print({
    k: v
    for k, v in {"a": 1, "b": 2}.items()
    if v > 1 or k == "z"
})
print([x for x in [0, 1, 2, nil] if x and x])
