# TEST: integer and float literal forms
#> 42 0 3.5 0.5 100.0 0.025 1000000
print(42, 0, 3.5, 0.5, 1e2, 2.5e-2, 1000000)
