# TEST: list + list makes a new list; list * int repeats
#> [1, 2, 3]
#> [0, 0, 0]
#> [1, 2, 1, 2]
#> [1, 2]
let a = [1, 2]
print(a + [3])
print([0] * 3)
print(a * 2)
print(a)
