# TEST: a user repr method that recurses forever ends in a catchable RecursionError
# TIMEOUT: 60
#> RecursionError
class R:
    def repr(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("RecursionError")
