# TEST: calling a value that is not callable raises TypeError
#> TypeError int
#> TypeError str
#> TypeError nil
try:
    let x = 5
    x()
except TypeError as e:
    print("TypeError int")
try:
    "abc"()
except TypeError as e:
    print("TypeError str")
try:
    nil()
except TypeError as e:
    print("TypeError nil")
