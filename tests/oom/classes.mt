# Classes: constructors, inheritance, super, fields shadowing methods, str/repr methods.
class Shape:
    def init(self, name):
        self.name = name
    def area(self):
        return 0
    def describe(self):
        return self.name + " of area " + str(self.area())

class Rect(Shape):
    def init(self, w, h):
        super.init("rect")
        self.w = w
        self.h = h
    def area(self):
        return self.w * self.h

class Square(Rect):
    def init(self, s):
        super.init(s, s)
        self.name = "square"
    def repr(self):
        return "Square(" + str(self.w) + ")"

let shapes = [Shape("blob"), Rect(2, 3), Square(4)]
for s in shapes:
    print(s.describe())
print(repr(shapes[2]), isinstance(shapes[2], Shape), type(shapes[1]))
let total = 0
for i in range(30):
    let r = Rect(i, i + 1)
    r.extra = [i] * 3
    total += r.area() + len(r.extra)
print(total)
