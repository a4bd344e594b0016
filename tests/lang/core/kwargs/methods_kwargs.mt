# TEST: methods and constructors accept keyword arguments
#> 3 4
#> 7
class P:
    def init(self, x, y = 0):
        self.x = x
        self.y = y
    def shift(self, dx = 0, dy = 0):
        return self.x + dx + self.y + dy
let p = P(y=4, x=3)
print(p.x, p.y)
print(p.shift(dy=0))
