# TEST: int addition that does not fit in 64 bits raises OverflowError (never wraps)
#> 9223372036854775807
#> OverflowError
#> Error
#> -9223372036854775808
let big = 9223372036854775807
print(big)
try:
    let y = big + 1
    print("WRONG", y)
except OverflowError as e:
    print("OverflowError")
try:
    let y = -big - 2
    print("WRONG", y)
except Error as e:
    print("Error")
print(-big - 1)
