# TEST: len of a range whose length does not fit in 64 bits raises OverflowError (never a wrong number)
#> OverflowError
#> 9223372036854775807
let MIN = -9223372036854775807 - 1
try:
    print(len(range(MIN, 9223372036854775807)))
except OverflowError as e:
    print("OverflowError")
print(len(range(0, 9223372036854775807)))
