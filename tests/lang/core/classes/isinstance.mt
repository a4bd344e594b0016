# TEST: isinstance follows the inheritance chain
#> true true false
#> true true false
class A:
    pass
class B(A):
    pass
class C:
    pass
let b = B()
print(isinstance(b, B), isinstance(b, A), isinstance(b, C))
print(isinstance(KeyError("x"), Error), isinstance(ValueError("x"), ValueError), isinstance(ValueError("x"), KeyError))
