# TEST: reading a missing field or method raises AttributeError (an Error)
#> AttributeError
#> Error
class C:
    pass
let c = C()
try:
    print(c.missing)
except AttributeError as e:
    print("AttributeError")
try:
    c.nomethod()
except Error as e:
    print("Error")
