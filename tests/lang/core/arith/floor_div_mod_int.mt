# TEST: // and % on ints floor toward negative infinity for every sign combination
#> 3 -4 -4 3
#> 1 2 -2 -1
#> 0 -1 0
let p = 7
let n = -7
print(p // 2, n // 2, p // -2, n // -2)
print(p % 3, n % 3, p % -3, n % -3)
print(0 // 5, -1 // 5, 0 % 5)
