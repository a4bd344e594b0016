# TEST: int() of a decimal string whose value does not fit in 64 bits raises OverflowError; the extremes parse
#> 9223372036854775807
#> -9223372036854775808
#> OverflowError
#> OverflowError
print(int("9223372036854775807"))
print(int("-9223372036854775808"))
try:
    print(int("9223372036854775808"))
except OverflowError as e:
    print("OverflowError")
try:
    print(int("-99999999999999999999"))
except OverflowError as e:
    print("OverflowError")
