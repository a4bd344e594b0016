# TEST: user classes can derive from Error classes, be raised and caught by base name, and carry fields
#> caught MyError: bad thing 42
#> caught as ValueError
class MyError(ValueError):
    def init(self, msg, code):
        super.init(msg)
        self.code = code
try:
    raise MyError("bad thing", 42)
except MyError as e:
    print("caught MyError:", e.message, e.code)
try:
    raise MyError("x", 1)
except ValueError as e:
    print("caught as ValueError")
