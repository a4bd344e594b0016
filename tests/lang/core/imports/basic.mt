# TEST: import runs the module next to the importing file once; its globals, functions and classes are attributes
#> mymod loaded
#> hello, bob
#> hello
#> 7
#> module
import _mymod
print(_mymod.greet("bob"))
print(_mymod.greeting)
print(_mymod.Thing(7).v)
print(type(_mymod))
