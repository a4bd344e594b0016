# TEST: several placeholders next to each other and at both ends
#> 123
#> 1-2-3
let a = 1
let b = 2
let c = 3
print(f"{a}{b}{c}")
print(f"{a}-{b}-{c}")
