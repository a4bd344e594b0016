# TEST: an object whose iter returns self works in for, and can be consumed by list(), sum(), map(), sorted()
#> [3, 2, 1]
#> 6
#> [6, 4, 2]
#> [1, 2, 3]
class Down:
    def init(self, n):
        self.n = n
    def iter(self):
        return self
    def next(self):
        if self.n == 0:
            raise StopIteration()
        self.n -= 1
        return self.n + 1
print(list(Down(3)))
print(sum(Down(3)))
print(map(fn(x): x * 2, Down(3)))
print(sorted(Down(3)))
