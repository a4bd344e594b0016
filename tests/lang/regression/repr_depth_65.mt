# TEST: regression: repr/str of a list nested more than 64 deep raised MemoryError (the cycle-tracking array overflowed)
#> 132
let x = []
for i in range(65):
    x = [x]
print(len(repr(x)))
