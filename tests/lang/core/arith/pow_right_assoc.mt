# TEST: ** is right-associative and binds tighter than unary minus
#> 512
#> 64
#> -4
#> 4
#> -4
print(2 ** 3 ** 2)
print((2 ** 3) ** 2)
print(-2 ** 2)
print((-2) ** 2)
let x = 2
print(-x ** 2)
