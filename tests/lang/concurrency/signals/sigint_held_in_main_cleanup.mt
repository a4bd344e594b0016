# TEST: SIGINT while main runs a finally (entered normally) is held until that finally ends, then raised there (nothing after the try runs)
# SIGNAL: INT 0.3
# EXIT: 130
# STDERR: Interrupt
#> cleanup begins
#> cleanup ends
#> outer finally
try:
    try:
        pass
    finally:
        print("cleanup begins")
        sleep(1)
        print("cleanup ends")
    print("after the inner try: not reached")
finally:
    print("outer finally")
