# TEST: raising something that is not an Error or Exit instance raises TypeError
#> TypeError
#> TypeError
try:
    raise 5
except TypeError as e:
    print("TypeError")
class NotErr:
    pass
try:
    raise NotErr()
except TypeError as e:
    print("TypeError")
