# TEST: with calls enter() on entry, binds its result with `as`, and calls exit(nil) on a normal exit
#> enter
#> body got res-value
#> exit nil
#> after
class Res:
    def enter(self):
        print("enter")
        return "res-value"
    def exit(self, err):
        print("exit", err)
with Res() as r:
    print("body got", r)
print("after")
