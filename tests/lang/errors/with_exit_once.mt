# TEST: exit runs exactly once even when the body's error is caught by an outer try in the same function
#> 1
let calls = 0
class Res:
    def enter(self):
        return self
    def exit(self, err):
        calls += 1
try:
    with Res():
        raise ValueError("x")
except ValueError as e:
    pass
print(calls)
