# TEST: an error raised inside except replaces the one in flight
#> caught KeyError second
try:
    try:
        raise ValueError("first")
    except ValueError as e:
        raise KeyError("second")
except ValueError as e:
    print("WRONG got the first")
except KeyError as e:
    print("caught KeyError", e.message)
