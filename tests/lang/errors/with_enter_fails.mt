# TEST: if enter raises, the body does not run and exit is not called
#> caught enter failed
class Bad:
    def enter(self):
        raise IOError("enter failed")
    def exit(self, err):
        print("WRONG exit called")
try:
    with Bad():
        print("WRONG body ran")
except IOError as e:
    print("caught", e.message)
