# TEST: maps compare structurally, ignoring insertion order
#> true true false false
print({"a": 1, "b": [2]} == {"a": 1, "b": [2]}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 2}, {"a": 1} == {"a": 1, "b": 1})
