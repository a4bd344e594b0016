# TEST: with on an object lacking enter/exit raises an Error (AttributeError or TypeError)
#> Error
try:
    with 5 as x:
        print("WRONG")
except Error as e:
    print("Error")
