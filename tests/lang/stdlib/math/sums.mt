# TEST: fsum is exact over any iterable of numbers; prod keeps ints as ints (OverflowError past 64 bits) and takes start; isclose with rel_tol/abs_tol
#> 1.0 0.9999999999999999 10.0 1.0 0.0 inf true
#> 0.75 1 1 24 240 1.0 4.5
#> true false true false true true true
#> OverflowError math.prod(): result does not fit an int
#> TypeError math.prod(): item 0 is a str, not a number
#> TypeError math.fsum(): item 1 is a str, not a number
#> TypeError 'int' object is not iterable
#> ValueError math.isclose(): tolerances must be non-negative
import math
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum(range(5)), math.fsum([1e100, 1.0, -1e100]), math.fsum([]), math.fsum([math.inf, 1]), math.isnan(math.fsum([math.inf, -math.inf])))
let gen = coroutine(fn(): [(yield 0.5), (yield 0.25)])
print(math.fsum(gen), math.prod(gen), math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 6), start=2), math.prod([2, 0.5]), math.prod([3], start=1.5))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-12), math.isclose(0, 1e-12, abs_tol=1e-9), math.isclose(math.inf, math.inf), math.isclose(a=1, b=1))
def check(f):
    try:
        print(f())
    except Error as e:
        print(type(e), e.message)
check(fn(): math.prod([2 ** 40, 2 ** 30]))
check(fn(): math.prod(["a"]))
check(fn(): math.fsum([1, "a"]))
check(fn(): math.fsum(5))
check(fn(): math.isclose(1, 1, rel_tol=-1))
