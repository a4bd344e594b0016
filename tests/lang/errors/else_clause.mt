# TEST: else runs only when the try body raised nothing, before finally
#> body
#> else
#> finally
#> body
#> except
#> finally
def run(fail):
    try:
        print("body")
        if fail:
            raise ValueError("x")
    except ValueError as e:
        print("except")
    else:
        print("else")
    finally:
        print("finally")
run(false)
run(true)
