# TEST: an error other than StopIteration raised by next propagates out of the for loop
#> 1
#> caught boom
class Bad:
    def init(self):
        self.i = 0
    def iter(self):
        return self
    def next(self):
        self.i += 1
        if self.i == 2:
            raise ValueError("boom")
        return self.i
try:
    for v in Bad():
        print(v)
except ValueError as e:
    print("caught", e.message)
