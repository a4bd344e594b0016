# TEST: the err passed to exit is the same error object the handler later catches
#> true
let seen = nil
class Res:
    def enter(self):
        return self
    def exit(self, err):
        seen = err
try:
    with Res():
        raise ValueError("x")
except ValueError as e:
    print(e == seen)
