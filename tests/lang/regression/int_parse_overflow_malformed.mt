# TEST: regression: int() of a malformed str with many digits raised OverflowError (its range check skipped the syntax rules); only a well-formed str out of range is OverflowError
#> ValueError invalid literal for int() with base 10: "99999999999999999999_"
#> ValueError invalid literal for int() with base 10: "1__99999999999999999999"
#> ValueError invalid literal for int() with base 10: "0x99999999999999999999"
#> ValueError invalid literal for int() with base 2: "0b1111111111111111111111111111111111111111111111111111111111111111112"
#> OverflowError int() of a number that does not fit 64 bits
#> OverflowError int() of a number that does not fit 64 bits
#> -9223372036854775808
let cases = [["99999999999999999999_", 10], ["1__99999999999999999999", 10], ["0x99999999999999999999", 10], ["0b1111111111111111111111111111111111111111111111111111111111111111112", 2], ["0x1_0000_0000_0000_0000", 0], [" -9_223_372_036_854_775_809 ", 10], ["-0x8000000000000000", 0]]
for c in cases:
    try:
        print(int(c[0], c[1]))
    except Error as e:
        print(type(e), e.message)
