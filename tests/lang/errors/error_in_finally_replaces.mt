# TEST: an error raised inside finally replaces the one in flight
#> caught KeyError from-finally
try:
    try:
        raise ValueError("first")
    finally:
        raise KeyError("from-finally")
except ValueError as e:
    print("WRONG got the first")
except KeyError as e:
    print("caught KeyError", e.message)
