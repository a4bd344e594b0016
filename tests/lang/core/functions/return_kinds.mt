# TEST: every kind of call frame returns its value, whether it is a fiber's first frame or nested
#> 11 Box(1) Box(3)
#> 42 Box(7) Box(7)
#> 8 true
#> Box(9) true
#> 40 81
#> 1000
class Box:
    def init(self, v):
        self.v = v
    def +(self, other):
        return Box(self.v + other.v)
    def str(self):
        return "Box(" + str(self.v) + ")"
def plain(x):
    return x * 2
def nested(x):
    return plain(x) + 1
def add_boxes(a, b):
    return a + b
# nested frames of each kind
print(nested(5), Box(1), Box(1) + Box(2))
# a thread's first frame: a plain function, a constructor, an operator inside it
print((spawn plain(21)).join(), (spawn Box(7)).join(), (spawn add_boxes(Box(3), Box(4))).join())
# a coroutine's first frame
let co = coroutine(plain, 4)
print(co.resume(), co.done)
let cb = coroutine(Box, 9)
print(cb.resume(), cb.done)
# a module's top level (an import) returns the module
import _return_kinds_mod
print(_return_kinds_mod.value, nested(_return_kinds_mod.value))
# deep returns after returns that ended threads and coroutines
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1
print(depth(1000))
