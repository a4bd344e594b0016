# TEST: an Error is suppressed only if exit returns true (not merely truthy-looking nil/false)
#> exit ValueError
#> suppressed, continuing
#> exit KeyError
#> propagated KeyError
class Sup:
    def init(self, answer):
        self.answer = answer
    def enter(self):
        return self
    def exit(self, err):
        print("exit", type(err))
        return self.answer
with Sup(true):
    raise ValueError("x")
print("suppressed, continuing")
try:
    with Sup(nil):
        raise KeyError("y")
    print("WRONG")
except KeyError as e:
    print("propagated KeyError")
