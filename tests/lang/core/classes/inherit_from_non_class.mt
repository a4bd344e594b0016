# TEST: inheriting from something that is not a class raises TypeError
#> TypeError
let NotAClass = 5
try:
    class C(NotAClass):
        pass
    print("WRONG")
except TypeError as e:
    print("TypeError")
