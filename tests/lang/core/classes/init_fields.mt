# TEST: init is the constructor; self is explicit; fields are created by assignment
#> 3 4
#> 5.0
class Point:
    def init(self, x, y):
        self.x = x
        self.y = y
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
let p = Point(3, 4)
print(p.x, p.y)
print(p.norm())
