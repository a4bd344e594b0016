# TEST: type() returns the type name as a str
#> int float str bool nil list map range
#> function function function class module
#> Point str
import _helper_mod
def f():
    pass
class Point:
    pass
print(type(1), type(1.0), type("s"), type(true), type(nil), type([]), type({}), type(range(1)))
print(type(f), type(fn(): 1), type(len), type(Point), type(_helper_mod))
print(type(Point()), type(type(1)))
