# TEST: path functions take strs only (TypeError naming the function and argument); join needs at least one part
#> TypeError path.join() argument 2 must be a str, not int
#> TypeError path.join() takes at least 1 argument but 0 were given
#> TypeError path.split() argument 1 must be a str, not nil
#> TypeError path.basename() argument 1 must be a str, not list
#> TypeError path.dirname() argument 1 must be a str, not float
#> TypeError path.ext() argument 1 must be a str, not int
#> TypeError path.stem() argument 1 must be a str, not int
#> TypeError path.isabs() argument 1 must be a str, not int
#> TypeError path.normalize() argument 1 must be a str, not int
#> TypeError path.abspath() argument 1 must be a str, not int
#> TypeError path.split() takes 1 argument but 2 were given
import path
def check(f):
    try:
        print(f())
    except Error as e:
        print(type(e), e.message)
check(fn(): path.join("a", 1))
check(fn(): path.join())
check(fn(): path.split(nil))
check(fn(): path.basename(["a"]))
check(fn(): path.dirname(1.5))
check(fn(): path.ext(1))
check(fn(): path.stem(1))
check(fn(): path.isabs(1))
check(fn(): path.normalize(1))
check(fn(): path.abspath(1))
check(fn(): path.split("a", "b"))
