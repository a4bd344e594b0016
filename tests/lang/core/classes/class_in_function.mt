# TEST: a class can be defined inside a function and capture its locals
#> 15
def make(k):
    class Adder:
        def add(self, v):
            return v + k
    return Adder()
print(make(10).add(5))
