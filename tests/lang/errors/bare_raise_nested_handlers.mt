# TEST: bare raise re-raises the error of the innermost except being run, after an inner handler finished
#> outer ValueError a
try:
    try:
        raise ValueError("a")
    except ValueError as e:
        try:
            raise KeyError("b")
        except KeyError as k:
            pass
        raise
except Error as x:
    print("outer", type(x), x.message)
