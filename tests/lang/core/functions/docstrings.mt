# TEST: docstrings: the first string statement of a def, a method or a class is f.doc / C.doc / obj.method.doc; nil otherwise
#> The area of a w by h rectangle.
#> nil nil nil nil
#> A shape with a name.
#> Makes a shape called name.
#> Describes the shape
#>         in two lines.
#> true nil
#> nil nil
def area(w, h):
    "The area of a w by h rectangle."
    return w * h
def plain():
    return 1
def one_line(): "Docstring on the def line is not a docstring."
class Shape:
    "A shape with a name."
    def init(self, name):
        "Makes a shape called name."
        self.name = name
    def describe(self):
        """Describes the shape
        in two lines."""
        return self.name
    def nodoc(self):
        let s = "not first"
        "a string later is not a docstring"
        return s
class Bare:
    pass
class Sub(Shape):
    pass
print(area.doc)
print(plain.doc, one_line.doc, Bare.doc, Sub.doc)
print(Shape.doc)
print(Shape.init.doc)
print(Shape.describe.doc)
let s = Shape("sq")
print(s.describe.doc == Shape.describe.doc, s.nodoc.doc)
print((fn(x): x).doc, print.doc)
