# TEST: an Error raised in a finally while SystemExit unwinds does not replace it (SPEC 6.6): the Error is reported and the exit goes on with its status
# EXIT: 3
# STDERR: Error ignored while SystemExit unwinds the thread:
# STDERR: ValueError: in finally
#> outer finally
try:
    try:
        exit(3)
    finally:
        raise ValueError("in finally")
except:
    print("a bare except must not catch the exit")
finally:
    print("outer finally")
print("not reached")
