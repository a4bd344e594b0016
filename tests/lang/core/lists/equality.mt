# TEST: lists compare structurally with == and !=
#> true false false true
#> true
print([1, [2, "a"]] == [1, [2, "a"]], [1, 2] == [2, 1], [1] == [1, 1], [] == [])
print([1, 2] != [1, 3])
