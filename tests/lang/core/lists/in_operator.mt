# TEST: `in` and `not in` on lists compare with == (1 == 1.0, nested lists structurally)
#> true true false true
#> true false
let a = [1, "x", [2, 3]]
print(1 in a, 1.0 in a, 2 in a, [2, 3] in a)
print("y" not in a, "x" not in a)
