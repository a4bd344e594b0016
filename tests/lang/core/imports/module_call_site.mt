# TEST: a call of a module's function from one site sees the module's global as it is at each call: reassigned, from another module, missing
#> mymod loaded
#> hello, x0
#> x1!
#> x2!
#> 4.0 1.5
#> AttributeError: module '_mymod' has no attribute 'sqrt'
#> 9.0
#> [1, 2, 3, 4]
import _mymod
import math
def call_greet(mod, who):
    return mod.greet(who)
def shout(name):
    return name + "!"
for i in range(3):
    if i == 1:
        _mymod.greet = shout
    print(call_greet(_mymod, "x" + str(i)))
def sqrt_of(mod, v):
    return mod.sqrt(v)
print(sqrt_of(math, 16), sqrt_of(math, 2.25))
try:
    sqrt_of(_mymod, 4)
except AttributeError as e:
    print("AttributeError:", e)
print(sqrt_of(math, 81))
let results = []
for i in range(4):
    results.append(_mymod.bump())
print(results)
