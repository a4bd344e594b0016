# TEST: default arguments fill omitted trailing parameters; passing a value overrides
#> 1
#> 3
#> hi there!
def add(a, b = 0):
    return a + b
print(add(1))
print(add(1, 2))
def greet(name, greeting = "hi", punct = "!"):
    return greeting + " " + name + punct
print(greet("there"))
