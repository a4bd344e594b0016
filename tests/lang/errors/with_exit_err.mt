# TEST: exit(err) gets nil on a normal exit and on return, and the error in flight otherwise; that error still propagates
#> exit nil
#> exit nil
#> exit got boom
#> caught boom
class Res:
    def enter(self):
        return self
    def exit(self, err):
        if err == nil:
            print("exit nil")
        else:
            print("exit got", err.message)
with Res() as r:
    pass
def f():
    with Res() as r:
        return 1
f()
try:
    with Res() as r:
        raise ValueError("boom")
    print("WRONG not propagated")
except ValueError as e:
    print("caught", e.message)
