# TEST: NaN is not equal to itself
#> false true
let inf = 1e308 * 10
let nan = inf - inf
print(nan == nan, nan != nan)
