# TEST: fields can be added to an instance at any time, from inside or outside methods
#> 1 2
class C:
    def setb(self):
        self.b = 2
let c = C()
c.a = 1
c.setb()
print(c.a, c.b)
