# TEST: an error that no except clause matches propagates outward (after finally runs)
#> finally
#> outer caught KeyError
try:
    try:
        raise KeyError("k")
    except ValueError as e:
        print("WRONG")
    finally:
        print("finally")
except KeyError as e:
    print("outer caught KeyError")
