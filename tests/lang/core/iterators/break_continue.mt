# TEST: break and continue in a for over a user iterator
#> 1
#> 3
class Nat:
    def init(self):
        self.i = 0
    def iter(self):
        return self
    def next(self):
        self.i += 1
        return self.i
for v in Nat():
    if v == 2:
        continue
    if v > 3:
        break
    print(v)
