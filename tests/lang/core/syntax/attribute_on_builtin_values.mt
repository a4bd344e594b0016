# TEST: reading a missing attribute of nil or a map raises AttributeError; setting a field on an int or str raises an Error
#> AttributeError
#> AttributeError
#> Error
#> Error
try:
    nil.foo()
except AttributeError as e:
    print("AttributeError")
try:
    let m = {"nokey": 1}
    print(m.nokey)
except AttributeError as e:
    print("AttributeError")
let s = "abc"
try:
    s.x = 1
except Error as e:
    print("Error")
let n = 5
try:
    n.x = 1
except Error as e:
    print("Error")
