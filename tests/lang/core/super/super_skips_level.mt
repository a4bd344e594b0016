# TEST: super finds the method in a grandparent when the parent does not define it
#> mid then A
class A:
    def f(self):
        return "A"
class B(A):
    pass
class C(B):
    def f(self):
        return "mid then " + super.f()
print(C().f())
