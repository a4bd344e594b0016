# TEST: regression: an error raised in an except block printed "During handling..." but not the second error's traceback
# EXIT: 1
# STDERR: During handling of the above error, another error occurred
# STDERR_RE: ^KeyError: .*second
# STDERR_RE: chained_traceback_second\.mt:9, in <module>
try:
    raise ValueError("first")
except ValueError as e:
    raise KeyError("second")
