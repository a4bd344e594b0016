# TEST: a class's str and repr methods are used by print/str/f-strings and by repr/containers
#> T! [T?] T! T? T!
class T:
    def str(self):
        return "T!"
    def repr(self):
        return "T?"
print(T(), [T()], str(T()), repr(T()), f"{T()}")
