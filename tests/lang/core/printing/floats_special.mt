# TEST: infinities, NaN and negative zero print as Python does
#> inf -inf nan -0.0
let inf = 1e308 * 10
print(inf, -inf, inf - inf, -0.0)
