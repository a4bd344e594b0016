# TEST: math raises ValueError ("math domain error") outside a function's domain, TypeError for non-numbers, OverflowError rounding huge floats to ints
#> ValueError math domain error
#> ValueError math domain error
#> ValueError math domain error
#> ValueError math domain error
#> ValueError math domain error
#> ValueError math domain error
#> ValueError math domain error
#> ValueError math domain error
#> ValueError math domain error
#> ValueError math domain error
#> ValueError math domain error
#> ValueError math domain error
#> ValueError math domain error
#> ValueError math domain error
#> ValueError math domain error
#> ValueError math domain error
#> ValueError math domain error
#> ValueError math domain error
#> ValueError math domain error
#> ValueError math domain error
#> ValueError cannot convert nan to int
#> OverflowError math.ceil(): result does not fit an int
#> OverflowError math.trunc(): result does not fit an int
#> TypeError math.sqrt() argument 1 must be a number, not str
#> TypeError math.atan2() argument 2 must be a number, not nil
#> TypeError math.hypot() argument 2 must be a number, not str
#> ValueError math.dist(): points of 1 and 2 coordinates
#> TypeError math.dist() argument 2 must be a list, not str
#> TypeError math.ldexp() argument 2 must be an int, not float
#> TypeError math.sqrt() takes 1 argument but 0 were given
#> TypeError math.sqrt() takes 1 argument but 2 were given
import math
def check(f):
    try:
        print(f())
    except Error as e:
        print(type(e), e.message)
for f in [fn(): math.sqrt(-1), fn(): math.log(0), fn(): math.log(-1), fn(): math.log(8, 1), fn(): math.log(8, 0), fn(): math.log10(0), fn(): math.log2(-1), fn(): math.log1p(-1), fn(): math.asin(2), fn(): math.acos(-1.5), fn(): math.acosh(0.5), fn(): math.atanh(1), fn(): math.sin(math.inf), fn(): math.fmod(1, 0), fn(): math.remainder(1, 0), fn(): math.pow(-8, 1 / 3), fn(): math.pow(0, -1), fn(): math.gamma(0), fn(): math.gamma(-2), fn(): math.lgamma(-1)]:
    check(f)
check(fn(): math.floor(math.nan))
check(fn(): math.ceil(math.inf))
check(fn(): math.trunc(1e300))
check(fn(): math.sqrt("4"))
check(fn(): math.atan2(1, nil))
check(fn(): math.hypot(1, "x"))
check(fn(): math.dist([1], [1, 2]))
check(fn(): math.dist([1], "a"))
check(fn(): math.ldexp(1, 1.5))
check(fn(): math.sqrt())
check(fn(): math.sqrt(1, 2))
