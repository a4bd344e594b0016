# TEST: nested with blocks exit innermost first, also when an error passes through both
#> enter a
#> enter b
#> exit b ValueError
#> exit a ValueError
#> caught
class Res:
    def init(self, name):
        self.name = name
    def enter(self):
        print("enter", self.name)
        return self
    def exit(self, err):
        print("exit", self.name, type(err))
try:
    with Res("a"):
        with Res("b"):
            raise ValueError("x")
except ValueError as e:
    print("caught")
