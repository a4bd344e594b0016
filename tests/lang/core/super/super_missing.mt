# TEST: super.m for a method no base defines raises AttributeError
#> AttributeError
class A:
    pass
class B(A):
    def f(self):
        return super.nothing()
try:
    B().f()
except AttributeError as e:
    print("AttributeError")
