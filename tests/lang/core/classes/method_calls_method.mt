# TEST: methods call other methods through self; late binding picks the subclass override
#> base: 2
#> sub: 20
class Base:
    def value(self):
        return 1
    def show(self):
        return self.label() + ": " + str(self.value() * 2)
    def label(self):
        return "base"
class Sub(Base):
    def value(self):
        return 10
    def label(self):
        return "sub"
print(Base().show())
print(Sub().show())
