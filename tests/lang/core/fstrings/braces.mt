# TEST: {{ and }} in an f-string are literal braces
#> {x} = 3
#> {}
#> {{3}}
let x = 3
print(f"{{x}} = {x}")
print(f"{{}}")
print(f"{{{{{x}}}}}")
