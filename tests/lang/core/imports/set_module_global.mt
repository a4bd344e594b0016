# TEST: an importer can assign module.name, and the module's functions see the new value
#> mymod loaded
#> yo, x
import _mymod
_mymod.greeting = "yo"
print(_mymod.greet("x"))
