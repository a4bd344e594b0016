# TEST: return inside with returns the value after exit runs
#> exit
#> 42
class Res:
    def enter(self):
        return self
    def exit(self, err):
        print("exit")
def f():
    with Res():
        return 42
print(f())
