# TEST: a str method that returns a non-string makes str()/print raise TypeError
#> TypeError
class T:
    def str(self):
        return 5
try:
    print(T())
except TypeError as e:
    print("TypeError")
