# TEST: floats switch to exponent form as Python's repr does
#> 1e+16
#> 1000000000000000.0
#> 1e-05
#> 0.0001
#> 1e+20
#> 1.5e+300
#> 5e-324
#> -1e+16
print(1e16)
print(1e15)
print(0.00001)
print(0.0001)
print(1e20)
print(1.5e300)
print(5e-324)
print(-1e16)
