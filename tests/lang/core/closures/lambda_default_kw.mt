# TEST: fn lambdas accept default parameters and keyword arguments
#> 11 5
let f = fn(a, b = 10): a + b
print(f(1), f(b=3, a=2))
