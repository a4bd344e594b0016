# TEST: an error raised in else is not handled by the same try's except clauses, but finally still runs
#> finally
#> outer got else-error
try:
    try:
        pass
    except ValueError as e:
        print("WRONG same-try except")
    else:
        raise ValueError("else-error")
    finally:
        print("finally")
except ValueError as e:
    print("outer got", e.message)
