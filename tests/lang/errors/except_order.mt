# TEST: the first except clause whose class matches (including base classes) handles the error
#> KeyError handler
#> Error handler got IndexError
#> ValueError handler
def run(e):
    try:
        raise e
    except KeyError as k:
        print("KeyError handler")
    except ValueError as v:
        print("ValueError handler")
    except Error as g:
        print("Error handler got " + type(g))
run(KeyError("a"))
run(IndexError("b"))
run(ValueError("c"))
