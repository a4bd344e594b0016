# TEST: the float functions of math: trigonometry, hyperbolic, exponents and logarithms, rounding to ints, copysign/fmod/remainder, frexp/ldexp/modf, gamma/erf, constants
#> 3.141592653589793 6.283185307179586 2.718281828459045 inf -inf true
#> 0.0 1.0 0.0 true 0.0 true true
#> 0.0 1.0 0.0 0.0 0.0 0.0
#> 1.0 1024.0 0.0 1.0 3.0 3.0 10.0 0.0 4.0 true true
#> -3 3 -2 7 int 3.0 -2.0 -1.0 -1.0
#> [0.5, 4] 8.0 [-0.5, -2.0] [0.0, inf] 180.0 true
#> 24.0 0.0 0.0 1.0 true true false
#> true true 5.0 3.0 0.0 5.0 0.0
import math
print(math.pi, math.tau, math.e, math.inf, -math.inf, math.isnan(math.nan))
print(math.sin(0), math.cos(0), math.tan(0), math.asin(1) == math.pi / 2, math.acos(1), math.atan(1) == math.pi / 4, math.atan2(1, -1) == 3 * math.pi / 4)
print(math.sinh(0), math.cosh(0), math.tanh(0), math.asinh(0), math.acosh(1), math.atanh(0))
print(math.exp(0), math.exp2(10), math.expm1(0), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(0), math.sqrt(16), math.cbrt(-8) == -2, math.pow(2, 0.5) == 2 ** 0.5)
print(math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7), math.floor(7), type(math.floor(2.0)), math.fabs(-3), math.copysign(2, -0.0), math.fmod(-7, 3), math.remainder(7, 4))
print(math.frexp(8.0), math.ldexp(0.5, 4), math.modf(-2.5), math.modf(math.inf), math.degrees(math.pi), math.radians(180) == math.pi)
print(math.gamma(5), math.lgamma(1), math.erf(0), math.erfc(0), math.isinf(math.exp(1000)), math.isfinite(1.5), math.isfinite(math.nan))
print(math.nextafter(1, 2) > 1, math.ulp(1.0) == 2.0 ** -52, math.hypot(3, 4), math.hypot(1, 2, 2), math.hypot(), math.dist([0, 0], [3, 4]), math.dist([1, 2, 3], [1, 2, 3]))
