# TEST: operator methods: + - * / // % ** & | ^ << >> as def +(self, o)..., unary - and ~ with only self, reflected r* r** r<< for a number on the left; fused local forms
#> V(4, 6) V(-2, -2) V(-1, -2) V(3, 6) V(3, 6) V(0.5, 1.0)
#> V(1.5, 2.0) V(1, 2) V(1, 0) V(1, 4) 2 ** V
#> and or xor shl shr rshl invert
#> ["V(3, 4)", "V(-1, -2)", "V(2, 2)", "V(2.0, 3.0)"]
class V:
    def init(self, x, y):
        self.x = x
        self.y = y
    def +(self, o):
        return V(self.x + o.x, self.y + o.y)
    def -(self, o):
        return V(self.x - o.x, self.y - o.y)
    def -(self):
        return V(-self.x, -self.y)
    def *(self, k):
        return V(self.x * k, self.y * k)
    def r*(self, k):
        return V(k * self.x, k * self.y)
    def /(self, k):
        return V(self.x / k, self.y / k)
    def //(self, k):
        return V(self.x // k, self.y // k)
    def %(self, k):
        return V(self.x % k, self.y % k)
    def **(self, k):
        return V(self.x ** k, self.y ** k)
    def r**(self, k):
        return f"{k} ** V"
    def &(self, o):
        return "and"
    def |(self, o):
        return "or"
    def ^(self, o):
        return "xor"
    def <<(self, o):
        return "shl"
    def >>(self, o):
        return "shr"
    def r<<(self, o):
        return "rshl"
    def ~(self):
        return "invert"
    def str(self):
        return f"V({self.x}, {self.y})"
let a = V(1, 2)
let b = V(3, 4)
print(a + b, a - b, -a, a * 3, 3 * a, a * 0.5)
print(b / 2, b // 2, b % 2, a ** 2, 2 ** a)
print(a & b, a | b, a ^ b, a << 1, a >> 1, 1 << a, ~a)
# operands held in locals use the same methods (fused instructions)
def locals_form():
    let p = V(1, 1)
    let q = V(2, 3)
    let r = p + q
    let s = p - q
    let t = p * 2
    let u = q / 1
    return [str(r), str(s), str(t), str(u)]
print(locals_form())
