# TEST: OverflowError for int results outside 64 bits, catchable as Error
#> caught +
#> caught *
#> caught -
#> caught **
let big = 9223372036854775807
let small = -big - 1
try:
    let a = big + 1
except OverflowError as e:
    print("caught +")
try:
    let a = big * 2
except Error as e:
    print("caught *")
try:
    let a = small - 1
except OverflowError as e:
    print("caught -")
try:
    let a = 10 ** 19
except OverflowError as e:
    print("caught **")
