# TEST: super.method(args) calls the base class method on the same self
#> Base.greet Bob
#> Sub.greet then Base.greet Bob
class Base:
    def init(self, name):
        self.name = name
    def greet(self):
        return "Base.greet " + self.name
class Sub(Base):
    def greet(self):
        return "Sub.greet then " + super.greet()
print(Base("Bob").greet())
print(Sub("Bob").greet())
