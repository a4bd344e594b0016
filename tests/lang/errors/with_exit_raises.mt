# TEST: an error raised inside exit replaces the one in flight
#> caught KeyError from-exit
class Res:
    def enter(self):
        return self
    def exit(self, err):
        raise KeyError("from-exit")
try:
    with Res():
        raise ValueError("body")
except ValueError as e:
    print("WRONG got body error")
except KeyError as e:
    print("caught KeyError", e.message)
