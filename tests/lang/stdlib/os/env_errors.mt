# TEST: bad environment names and values raise ValueError, non-str arguments TypeError
#> ValueError os.setenv(): invalid environment variable name ""
#> ValueError os.setenv(): invalid environment variable name "A=B"
#> ValueError os.setenv(): invalid environment variable name "A\x00B"
#> ValueError os.setenv(): value contains a NUL character
#> TypeError os.setenv() argument 2 must be a str, not int
#> TypeError os.setenv() argument 1 must be a str, not int
#> TypeError os.getenv() argument 1 must be a str, not int
#> ValueError os.unsetenv(): invalid environment variable name "=A"
#> TypeError os.getenv() takes at least 1 argument but 0 were given
#> TypeError os.getenv(): os.env must be a map, not int
import os
def check(f):
    try:
        f()
        print("no error")
    except Error as e:
        print(type(e), e.message)
check(fn(): os.setenv("", "x"))
check(fn(): os.setenv("A=B", "x"))
check(fn(): os.setenv("A\0B", "x"))
check(fn(): os.setenv("A", "x\0y"))
check(fn(): os.setenv("A", 1))
check(fn(): os.setenv(1, "x"))
check(fn(): os.getenv(1))
check(fn(): os.unsetenv("=A"))
check(fn(): os.getenv())
os.env = 5
check(fn(): os.getenv("HOME"))
