# TEST: super works inside a lambda defined in a method
#> A:x
class A:
    def tag(self, v):
        return "A:" + v
class B(A):
    def tag(self, v):
        let f = fn(w): super.tag(w)
        return f(v)
print(B().tag("x"))
