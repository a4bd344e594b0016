# TEST: 64-bit edge cases: MIN // -1, abs(MIN), int(1e30) and round(1e300) raise OverflowError; MIN % -1 is 0; (-2) ** 63 is MIN
#> OverflowError //
#> 0
#> OverflowError abs
#> OverflowError int()
#> OverflowError round
#> -9223372036854775808
let MIN = -9223372036854775807 - 1
def t(label, f):
    try:
        print("WRONG", label, f())
    except OverflowError as e:
        print("OverflowError", label)
t("//", fn(): MIN // -1)
print(MIN % -1)
t("abs", fn(): abs(MIN))
t("int()", fn(): int(1e30))
t("round", fn(): round(1e300))
print((-2) ** 63)
