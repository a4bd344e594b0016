# TEST: time functions raise TypeError for bad types, ValueError for text that does not match, non-finite times and NUL, OverflowError out of range
#> TypeError time.format() argument 1 must be a number, not str
#> TypeError time.format() argument 2 must be a str, not int
#> ValueError time.format(): timestamp must be finite
#> ValueError time.format(): timestamp must be finite
#> OverflowError time.format(): timestamp out of range
#> ValueError time.format(): format contains a NUL character
#> TypeError time.parse() argument 1 must be a str, not int
#> ValueError time.parse(): "2024-13-01" does not match format "%Y-%m-%d"
#> ValueError time.parse(): "2024-06-15 extra" does not match format "%Y-%m-%d"
#> ValueError time.parse(): "12:00:00." does not match format "%H:%M:%S.%f"
#> ValueError time.parse(): "" does not match format "%Y"
#> ValueError time.parse(): text or format contains a NUL character
#> TypeError time.now() takes 0 arguments but 1 was given
#> TypeError time.monotonic() takes 0 arguments but 1 was given
import time
def check(f):
    try:
        print(f())
    except Error as e:
        print(type(e), e.message)
check(fn(): time.format("0"))
check(fn(): time.format(0, 5))
check(fn(): time.format(0.0 / 0.0 if false else float("nan")))
check(fn(): time.format(float("inf")))
check(fn(): time.format(1e300))
check(fn(): time.format(0, "a\0b"))
check(fn(): time.parse(5))
check(fn(): time.parse("2024-13-01", "%Y-%m-%d"))
check(fn(): time.parse("2024-06-15 extra", "%Y-%m-%d"))
check(fn(): time.parse("12:00:00.", "%H:%M:%S.%f"))
check(fn(): time.parse("", "%Y"))
check(fn(): time.parse("x", "x\0"))
check(fn(): time.now(1))
check(fn(): time.monotonic(1))
