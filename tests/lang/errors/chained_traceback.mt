# TEST: an uncaught error raised while handling another shows both tracebacks, the earlier one first
# EXIT: 1
# STDERR_RE: ValueError: first
# STDERR: During handling of the above error, another error occurred
# STDERR_RE: KeyError: .*second
# STDERR: chained_traceback.mt:11
def h():
    try:
        raise ValueError("first")
    except ValueError as e:
        raise KeyError("second")
h()
