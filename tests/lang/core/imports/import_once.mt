# TEST: importing a module twice runs it once and shares its state
#> mymod loaded
#> 1
#> 2
import _mymod
print(_mymod.bump())
import _mymod
print(_mymod.bump())
