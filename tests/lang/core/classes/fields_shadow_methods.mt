# TEST: an instance field shadows a method of the same name
#> method
#> field
class C:
    def name(self):
        return "method"
let c = C()
print(c.name())
c.name = fn(): "field"
print(c.name())
