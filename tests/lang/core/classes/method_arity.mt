# TEST: calling a method with the wrong number of arguments raises TypeError (self is not counted by the caller)
#> 3
#> TypeError
class C:
    def add(self, a, b):
        return a + b
print(C().add(1, 2))
try:
    C().add(1)
except TypeError as e:
    print("TypeError")
