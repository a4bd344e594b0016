# TEST: functions, classes and instances compare by identity
#> true false
#> true false
#> true
def f():
    return 1
def g():
    return 1
print(f == f, f == g)
class A:
    pass
let a = A()
print(a == a, A() == A())
print(A == A)
