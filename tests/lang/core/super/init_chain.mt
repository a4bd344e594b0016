# TEST: super.init runs the base constructor on the same instance
#> 1 2
class A:
    def init(self, a):
        self.a = a
class B(A):
    def init(self, a, b):
        super.init(a)
        self.b = b
let o = B(1, 2)
print(o.a, o.b)
