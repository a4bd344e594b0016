# TEST: sorted returns a new list and leaves the input alone; works on any iterable; key and reverse
#> [1, 2, 3] [3, 1, 2]
#> ["a", "b", "c"]
#> [3, 2, 1]
#> ["x", "yy", "zzz"]
#> [0, 1, 2]
let a = [3, 1, 2]
print(sorted(a), a)
print(sorted("cab"))
print(sorted(a, reverse=true))
print(sorted(["zzz", "x", "yy"], key=len))
print(sorted(range(3)))
