# TEST: classes are values: stored, passed, and called to construct
#> 2
#> B
class A:
    def init(self):
        self.v = 1
class B(A):
    def init(self):
        self.v = 2
def make(cls):
    return cls()
print(make(B).v)
let classes = [A, B]
print(type(classes[1]()))
