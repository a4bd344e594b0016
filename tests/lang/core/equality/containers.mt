# TEST: lists and maps compare structurally, recursively; values inside compare numerically
#> true true false
#> true false
print([1, [2, {"a": 3}]] == [1, [2, {"a": 3}]], [1, 2.0] == [1.0, 2], [1, 2] == [1, 2, 3])
print({"a": [1]} == {"a": [1.0]}, {"a": 1} == {"b": 1})
