# TEST: integer functions on 64-bit ints: gcd/lcm of any number of ints, factorial, comb, perm, isqrt; results past 64 bits raise OverflowError
#> 6 2 5 0 2 60 1 0 12
#> 1 2432902008176640000 10 118264581564861424 0 7219428434016265740 20 120 0
#> 0 9 10 3037000499 int
#> OverflowError math.factorial(): result does not fit an int
#> ValueError math.factorial(): argument must be non-negative
#> TypeError math.factorial() argument 1 must be an int, not float
#> OverflowError math.comb(): result does not fit an int
#> ValueError math.comb(): arguments must be non-negative
#> OverflowError math.perm(): result does not fit an int
#> OverflowError math.lcm(): result does not fit an int
#> OverflowError math.gcd(): result does not fit an int
#> ValueError math.isqrt(): argument must be non-negative
#> TypeError math.gcd() argument 2 must be an int, not str
import math
print(math.gcd(12, 18), math.gcd(12, 18, -8), math.gcd(0, 5), math.gcd(), math.gcd(-9223372036854775807 - 1, 6), math.lcm(4, 6, 10), math.lcm(), math.lcm(0, 5), math.lcm(-4, 6))
print(math.factorial(0), math.factorial(20), math.comb(5, 2), math.comb(60, 30), math.comb(3, 5), math.comb(66, 33), math.perm(5, 2), math.perm(5), math.perm(3, 4))
print(math.isqrt(0), math.isqrt(99), math.isqrt(100), math.isqrt(9223372036854775807), type(math.isqrt(10)))
def check(f):
    try:
        print(f())
    except Error as e:
        print(type(e), e.message)
check(fn(): math.factorial(21))
check(fn(): math.factorial(-1))
check(fn(): math.factorial(2.0))
check(fn(): math.comb(100, 50))
check(fn(): math.comb(-1, 1))
check(fn(): math.perm(30, 20))
check(fn(): math.lcm(2 ** 40, 2 ** 40 - 1))
check(fn(): math.gcd(-9223372036854775807 - 1, 0))
check(fn(): math.isqrt(-1))
check(fn(): math.gcd(1, "2"))
