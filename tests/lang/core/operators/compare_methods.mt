# TEST: == and != (the negation of ==), reflected ==, < <= and the reflected > >=, compare-and-branch forms, identity without ==
#> true false false true false false
#> true false false true true true
#> P(3)
#> equal
#> not equal
#> true false true
#> true
class P:
    def init(self, v):
        self.v = v
    def ==(self, o):
        return isinstance(o, P) and self.v == o.v
    def <(self, o):
        return self.v < o.v
    def <=(self, o):
        return self.v <= o.v
    def repr(self):
        return f"P({self.v})"
let a = P(1)
let b = P(2)
print(a == P(1), a == b, a != P(1), a != b, a == 1, 1 == a)
# without >, > is the reflected < of the right operand: a > b is b < a
print(a < b, b < a, a > b, b > a, a <= b, b >= a)
# the compare-and-branch forms (locals) and while conditions
let i = P(0)
while i < P(3):
    i = P(i.v + 1)
print(i)
if i == P(3):
    print("equal")
if i != P(4):
    print("not equal")
# a class without == compares by identity
class Plain:
    pass
let x = Plain()
print(x == x, x == Plain(), x != Plain())
# an instance always equals itself
print(a == a)
