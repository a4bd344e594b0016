# TEST: in a chained traceback the first error's report comes before the second's (whole stderr checked as one block)
# EXIT: 1
# STDERR_RE: ^ValueError: first$
# STDERR_RE: ^KeyError: .*second
try:
    raise ValueError("first")
finally:
    raise KeyError("second")
