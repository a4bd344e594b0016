# TEST: a module's functions see the module's globals, and importers can read updated globals as module.name
#> mymod loaded
#> 0
#> 1
#> 1
import _mymod
print(_mymod.counter)
_mymod.bump()
print(_mymod.counter)
let c = _mymod.counter
print(c)
