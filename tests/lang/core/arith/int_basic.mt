# TEST: integer + - * and unary minus on ints stay ints
#> 12 2 35 -7
#> int int int
let a = 7
let b = 5
print(a + b, a - b, a * b, -a)
print(type(a + b), type(a * b), type(-a))
