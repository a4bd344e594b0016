# TEST: errors carry .message; str(e) is the message; repr(e) is Class("message"); errors from builtins too
#> bad
#> bad
#> ValueError("bad")
#> ZeroDivisionError
#> true
try:
    raise ValueError("bad")
except ValueError as e:
    print(e.message)
    print(str(e))
    print(repr(e))
try:
    let x = 1 // 0
except Error as e:
    print(type(e))
    print(len(e.message) > 0)
