# TEST: operators on instances without the method raise the existing TypeError; errors inside operator methods propagate; arity errors name the operator
#> TypeError unsupported operand types for -: 'V' and 'int'
#> TypeError unsupported operand types for -: 'int' and 'V'
#> TypeError bad operand type for unary -: 'V'
#> TypeError bad operand type for unary ~: 'V'
#> TypeError '<' not supported between 'V' and 'V'
#> TypeError 'V' object is not subscriptable
#> TypeError 'V' object does not support item assignment
#> TypeError 'in' needs a container on the right, not V
#> TypeError 'V' is not callable
#> AttributeError 'V' object has no attribute 'missing'
#> TypeError *() takes 0 arguments but 1 was given
#> TypeError unsupported operand types for +: 'int' and 'V'
#> TypeError '<' not supported between 'V' and 'V'
class V:
    def init(self):
        self.x = 1
    def +(self, o):
        return o.missing
    def *(self):
        return 0
let v = V()
def show(f):
    try:
        f()
    except Error as e:
        print(type(e), e.message)
show(fn(): v - 1)
show(fn(): 1 - v)
show(fn(): -v)
show(fn(): ~v)
show(fn(): v < v)
show(fn(): v[0])
def setitem():
    v[0] = 1
show(setitem)
show(fn(): 1 in v)
show(fn(): v())
show(fn(): v + v)
show(fn(): v * 2)
show(fn(): 2 + v)
show(fn(): sorted([v, V()]))
