# TEST: super refers to the base of the lexically enclosing class, not of self's class (no infinite loop in 3 levels)
#> C>B>A
class A:
    def name(self):
        return "A"
class B(A):
    def name(self):
        return "B>" + super.name()
class C(B):
    def name(self):
        return "C>" + super.name()
print(C().name())
