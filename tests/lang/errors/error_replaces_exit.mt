# TEST: an error raised in a finally while SystemExit is in flight replaces it: uncaught, the status is 1 and both are reported
# EXIT: 1
# STDERR: SystemExit
# STDERR: ValueError: in finally
try:
    exit(3)
finally:
    raise ValueError("in finally")
