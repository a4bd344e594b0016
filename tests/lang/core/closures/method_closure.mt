# TEST: a bound method remembers its instance when stored and called later
#> 1 2
#> 2
class Counter:
    def init(self):
        self.n = 0
    def inc(self):
        self.n += 1
        return self.n
let c = Counter()
let f = c.inc
print(f(), f())
print(c.n)
