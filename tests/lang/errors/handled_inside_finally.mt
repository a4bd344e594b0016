# TEST: an error raised and handled inside a finally block does not replace the one in flight
#> inner handled
#> outer got a
def h():
    try:
        try:
            raise ValueError("a")
        finally:
            try:
                raise KeyError("b")
            except KeyError as e:
                print("inner handled")
    except ValueError as e:
        print("outer got a")
h()
