# TEST: an Exit (here SystemExit from exit()) is never suppressed by exit returning true; the status is kept
#> exit sees SystemExit
# EXIT: 4
class Sup:
    def enter(self):
        return self
    def exit(self, err):
        print("exit sees", type(err))
        return true
with Sup():
    exit(4)
print("WRONG suppressed")
