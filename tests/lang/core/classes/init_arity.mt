# TEST: constructor arguments are checked against init's parameters
#> TypeError
class P:
    def init(self, a, b):
        self.a = a
try:
    P(1)
except TypeError as e:
    print("TypeError")
