# TEST: floats in f-strings use the same shortest form as print
#> 2.0 0.1 1e+20
print(f"{4 / 2} {0.1} {1e20}")
