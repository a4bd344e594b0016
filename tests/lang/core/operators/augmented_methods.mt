# TEST: augmented assignment on instances uses the operator methods: variables, locals, fields, items, map values
#> V(12)
#> V(30)
#> V(8)
#> V(10)
#> V(20)
#> V(5.0)
#> V(2)
#> V(6)
#> V(10)
#> V(2)
class V:
    def init(self, x):
        self.x = x
    def +(self, o):
        return V(self.x + (o.x if isinstance(o, V) else o))
    def -(self, o):
        return V(self.x - o)
    def *(self, o):
        return V(self.x * o)
    def /(self, o):
        return V(self.x / o)
    def //(self, o):
        return V(self.x // o)
    def %(self, o):
        return V(self.x % o)
    def **(self, o):
        return V(self.x ** o)
    def &(self, o):
        return V(self.x & o)
    def |(self, o):
        return V(self.x | o)
    def ^(self, o):
        return V(self.x ^ o)
    def <<(self, o):
        return V(self.x << o)
    def >>(self, o):
        return V(self.x >> o)
    def str(self):
        return f"V({self.x})"
let v = V(10)
v += 1
v += V(1)
print(v)
v -= 2
v *= 3
print(v)
v //= 4
v %= 5
v **= 3
print(v)
v &= 6
v |= 9
v ^= 3
print(v)
v <<= 2
v >>= 1
print(v)
v /= 4
print(v)
let w = V(1)
let one = V(1)
w += one
print(w)
class Box:
    def init(self):
        self.v = V(1)
let b = Box()
b.v += V(2)
b.v *= 2
print(b.v)
let xs = [V(1)]
xs[0] += 4
let i = 0
xs[i] *= 2
print(xs[0])
let m = {"a": V(3)}
m["a"] -= 1
print(m["a"])
