# TEST: while loops run while the condition is truthy
#> 10
let x = 0
while x < 10:
    x += 1
print(x)
