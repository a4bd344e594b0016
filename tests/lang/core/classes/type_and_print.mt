# TEST: type() of an instance is its class name; type() of a class is "class"
#> Point class
#> true
class Point:
    pass
print(type(Point()), type(Point))
print(type(Point()) == "Point")
