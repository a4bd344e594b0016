# TEST: floats print as the shortest text that reads back, always with a . or exponent
#> 2.5
#> 2.0
#> 0.1
#> 100.0
#> -0.5
#> 0.30000000000000004
#> 3.0
#> 0.3333333333333333
#> 2.0!
print(2.5)
print(2.0)
print(0.1)
print(100.0)
print(-0.5)
print(0.1 + 0.2)
print(float(3))
print(1 / 3)
print(str(2.0) + "!")
