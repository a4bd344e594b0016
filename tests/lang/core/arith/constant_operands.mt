# TEST: an operand that is a constant (x + 1, x * 0.5, x // 3, x ** 0.5; 1.0 / x, 10 - x, 2 * x) and a small int with a float: ints, floats, mixed, overflow to boxed ints, NaN, -0.0 (-0.0 % y and -0.0 ** 0.5 are 0.0 as in Python), strings and lists, operator methods (r* and r- for the constant on the left), wrong types and zero divisors, the same function taking the fast path then the slow one
#> 1 2 -1.5 3 0.5 0 1 1.0 9 2 1.5
#> 2.5 3.5 0.0 7.5 1.25 0.0 2.5 0.4 7.5 5.0 3.0
#> -7 -6 -9.5 -21 -3.5 -3 2 -0.14285714285714285 17 -14 -6.5
#> -7.5 -6.5 -10.0 -22.5 -3.75 -3.0 1.5 -0.13333333333333333 17.5 -15.0 -7.0
#> 140737488355327 140737488355328 140737488355324.5 422212465065981 70368744177663.5 46912496118442 1 7.105427357601052e-15 -140737488355317 281474976710654 140737488355327.5
#> -140737488355328 -140737488355327 -140737488355330.5 -422212465065984 -70368744177664.0 -46912496118443 1 -7.105427357601002e-15 140737488355338 -281474976710656 -140737488355327.5
#> 0.0 1.0 -2.5 0.0 0.0 0.0 0.0 - 10.0 0.0 0.5
#> -0.0 1.0 -2.5 -0.0 -0.0 -0.0 0.0 - 10.0 -0.0 0.5
#> 4 2.0
#> 2.0 1.4142135623730951
#> 0.0 0.0
#> -0.0 0.0
#> 1e+300 1e+150
#> inf inf
#> nan nan nan nan nan
#> 1 422212465065981 2 140737488355338
#> ababab abab [1, 1] [2, 2, 2]
#> V(6) V(1004) V(2) V(1) V(4.0) V(6)
#> unsupported operand types for +: 'nil' and 'int'
#> unsupported operand types for -: 'nil' and 'float'
#> unsupported operand types for *: 'nil' and 'int'
#> unsupported operand types for /: 'nil' and 'int'
#> unsupported operand types for //: 'nil' and 'int'
#> unsupported operand types for %: 'nil' and 'int'
#> unsupported operand types for **: 'nil' and 'float'
#> unsupported operand types for /: 'float' and 'nil'
#> unsupported operand types for -: 'int' and 'nil'
#> unsupported operand types for *: 'int' and 'nil'
#> unsupported operand types for +: 'float' and 'nil'
#> float division by zero
#> float division by zero
#> 0.3333333333333333
#> division by zero
#> float division by zero
#> division by zero
#> float floor division by zero
#> float floor division by zero
#> float floor division by zero
#> integer modulo by zero
#> float modulo by zero
#> integer modulo by zero
#> negative number cannot be raised to a fractional power
#> 0.0 0.0 1.5 0.0 0.0
#> 2.283333333333333 1 24 0.25 -4 512 -2 -4.0 2
#> 7 3 1 0 2 -4
#> -7 -4 -2 -1 -3 3
#> -8 -4 -2 -1 -3 4
#> 0 0 0 0 0 0
#> -1 -1 -1 -1 -1 0
#> 140737488355327 70368744177663 35184372088831 137438953471 46912496118442 -70368744177664
#> -140737488355328 -70368744177664 -35184372088832 -137438953472 -46912496118443 70368744177664
#> 281474976710656 140737488355328 70368744177664 274877906944 93824992236885 -140737488355328
#> -4.0 -1.75 -0.0009765625
class V:
    def init(self, x):
        self.x = x
    def *(self, k):
        return V(self.x * k)
    def r*(self, k):
        return V(k * self.x + 1000)
    def //(self, k):
        return V(self.x // k)
    def %(self, k):
        return V(self.x % k)
    def **(self, k):
        return V(self.x ** k)
    def r-(self, k):
        return V(k - self.x)
    def str(self):
        return f"V({self.x})"

def plus(x):
    return x + 1
def minus(x):
    return x - 2.5
def times(x):
    return x * 3
def over(x):
    return x / 2
def floor(x):
    return x // 3
def modulo(x):
    return x % 3
def power(x):
    return x ** 0.5
def inv(x):
    return 1.0 / x
def from10(x):
    return 10 - x
def twice(x):
    return 2 * x
def half(x):
    return 0.5 + x

let big = 140737488355327
for x in [1, 2.5, -7, -7.5, big, -big - 1, 0.0, -0.0]:
    print(x, plus(x), minus(x), times(x), over(x), floor(x), modulo(x), inv(x) if x != 0 else "-", from10(x), twice(x), half(x))
for x in [4, 2.0, 0.0, -0.0, 1e300, float("inf")]:
    print(x, power(x))
let nan = float("nan")
print(plus(nan), inv(nan), twice(nan), power(nan), nan ** 0.5)
print(plus(big) - big, times(big), twice(big) // big, from10(-big - 1))
print(times("ab"), twice("ab"), twice([1]), times([2]))
print(times(V(2)), twice(V(2)), floor(V(7)), modulo(V(7)), power(V(16)), from10(V(4)))
for f in [plus, minus, times, over, floor, modulo, power, inv, from10, twice, half]:
    try:
        print(f(nil))
    except TypeError as e:
        print(e)
def by0(x):
    return x / 0
def floor0(x):
    return x // 0.0
def mod0(x):
    return x % 0
for f in [inv, by0, floor0, mod0]:
    for x in [0, 0.0, 3]:
        try:
            print(f(x))
        except ZeroDivisionError as e:
            print(e)
try:
    print(power(-4))
except ValueError as e:
    print(e)
let s = 0.0
for i in range(5):
    s += 1.0 / (i + 1)
print(-0.0 % 3.0, 0.0 % 3.0, 5.5 % 2.0, (-0.0) ** 0.5, 0.0 ** 0.5)
print(s, 3 - 1 - 1, 2 * 3 * 4, 1.0 / 2 / 2, -2 ** 2, 2 ** 3 ** 2, 7 % -3, -7 // 2.0, 1 - -1)
for x in [7, -7, -8, 0, -1, 140737488355327, -140737488355328, 2 ** 48]:
    print(x // 1, x // 2, x // 4, x // 1024, x // 3, x // -2)
let f = -7.0
print(f // 2, f / 4, -1.0 // 1024 / 1024)
