# TEST: an error raised by an object's iter() method propagates out of the for statement
#> iter raised
class BadIter:
    def iter(self):
        raise KeyError("no iter")
try:
    for x in BadIter():
        print("WRONG")
except KeyError as e:
    print("iter raised")
