# TEST: converting between large ints and floats rounds as IEEE doubles do
#> 9.223372036854776e+18
#> 9223372036854774784
#> 2 true
print(float(9223372036854775807))
print(int(9.223372036854775e18))
print(int("  2  "), int("+7") == 7)
