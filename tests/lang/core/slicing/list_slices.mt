# TEST: list slices with both, one or no bounds, and negative bounds; a slice is a new list
#> [1, 2] [2, 3, 4] [0, 1] [3, 4]
#> [0, 1, 2, 3, 4] [1, 2, 3]
#> false
let a = [0, 1, 2, 3, 4]
print(a[1:3], a[2:], a[:2], a[-2:])
print(a[:], a[1:-1])
let b = a[:]
b.append(9)
print(len(a) == len(b))
