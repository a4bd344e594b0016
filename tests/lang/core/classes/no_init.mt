# TEST: a class without init is constructed with no arguments; passing arguments raises TypeError
#> ok
#> TypeError
class Empty:
    pass
let e = Empty()
e.v = 1
print("ok" if e.v == 1 else "WRONG")
try:
    Empty(1)
except TypeError as e2:
    print("TypeError")
