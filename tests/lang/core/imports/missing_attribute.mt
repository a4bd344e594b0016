# TEST: reading a name the module does not define raises AttributeError
#> mymod loaded
#> AttributeError
import _mymod
try:
    print(_mymod.nothing_here)
except AttributeError as e:
    print("AttributeError")
