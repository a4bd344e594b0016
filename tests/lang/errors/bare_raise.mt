# TEST: a bare raise inside except re-raises the error being handled, keeping its class and message
#> handling
#> outer ValueError orig
try:
    try:
        raise ValueError("orig")
    except ValueError as e:
        print("handling")
        raise
except Error as e2:
    print("outer", type(e2), e2.message)
