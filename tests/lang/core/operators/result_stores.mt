# TEST: a + b stored at once into a local (s += x, q = q / x) or a local's attribute (p.x += x, p.x = a * b): ints overflowing to boxed ints and past 64 bits, mixed, NaN, strings and lists, operator methods, an attribute cache miss (another class), a wrong type, a zero divisor
#> [140737488355329, 140737488355325, 281474976710654, 70368744177663.5]
#> [140737488355329, 140737488355325, 281474976710654, 562949953421308]
#> [140737488355329, 140737488355325, 281474976710654, 562949953421308]
#> [3, -1, 2, 0.5]
#> [3, -1, 2, 4]
#> [3, -1, 2, 4]
#> [3.5, -0.5, 3.0, 0.75]
#> [3.5, -0.5, 3.0, 6.0]
#> [3.5, -0.5, 3.0, 6.0]
#> [2.25, 1.75, 0.5, 8.0]
#> [2.25, 1.75, 0.5, 0.125]
#> [2.25, 1.75, 0.5, 0.125]
#> local integer overflow in * (ints are 64-bit)
#> attr integer overflow in * (ints are 64-bit)
#> attr integer overflow in * (ints are 64-bit)
#> local integer overflow in * (ints are 64-bit)
#> attr integer overflow in * (ints are 64-bit)
#> attr integer overflow in * (ints are 64-bit)
#> [nan, nan, nan, nan]
#> [nan, nan, nan, nan]
#> [nan, nan, nan, nan]
#> local unsupported operand types for -: 'str' and 'str'
#> attr unsupported operand types for -: 'str' and 'str'
#> attr unsupported operand types for -: 'str' and 'str'
#> local unsupported operand types for -: 'list' and 'list'
#> attr unsupported operand types for -: 'list' and 'list'
#> attr unsupported operand types for -: 'list' and 'list'
#> ["V(8)", "V(4)", "V(18)", "V(3.0)"]
#> V(-21)
#> 0.08333333333333326
#> 2
#> 3
#> 'int' object has no attribute 'x'
#> division by zero
class V:
    def init(self, x):
        self.x = x
    def +(self, o):
        return V(self.x + o.x)
    def -(self, o):
        return V(self.x - o.x)
    def *(self, k):
        return V(self.x * k)
    def /(self, k):
        return V(self.x / k)
    def str(self):
        return f"V({self.x})"
class P:
    def init(self, x):
        self.x = x
class Q:
    def init(self, y, x):
        self.y = y
        self.x = x

def local_forms(a, b):
    let s = a
    s += b
    let d = a
    d -= b
    let m = a
    m *= b
    let q = a
    q = q / b
    return [s, d, m, q]
def attr_forms(p, a, b):
    p.x = a
    p.x += b
    let r = [p.x]
    p.x -= b * 2
    r.append(p.x)
    p.x = a * b
    r.append(p.x)
    p.x *= b
    r.append(p.x)
    return r

let big = 140737488355327
for ab in [[big, 2], [1, 2], [1.5, 2], [2, 0.25], [big, big], [-big, big], [3, float("nan")], ["a", "b"], [[1], [2]]]:
    try:
        print(local_forms(ab[0], ab[1]))
    except Error as e:
        print("local", e)
    for p in [P(0), Q(9, 0)]:
        try:
            print(attr_forms(p, ab[0], ab[1]))
        except Error as e:
            print("attr", e)
def vec_forms(a, b):
    let s = a
    s += b
    let d = a
    d -= b
    let m = a
    m *= 3
    let q = a
    q = q / 2
    return [str(s), str(d), str(m), str(q)]
print(vec_forms(V(6), V(2)))
let w = P(V(1))
w.x += V(2)
w.x -= V(10)
w.x *= 3
print(w.x)
let e = 0.0
for i in range(4):
    e += 1.0 / (i + 1)
    e -= 0.5
print(e)
def bad(p):
    p.x += 1
for p in [P(1), Q(0, 2), 5]:
    try:
        bad(p)
        print(p.x)
    except Error as err:
        print(err)
def d0(x):
    let y = 1
    y = y / x
    return y
try:
    d0(0)
except ZeroDivisionError as err:
    print(err)
