# TEST: traceback frames are listed outermost first (most recent call last)
# EXIT: 1
# STDERR_RE: in <module>
# STDERR_RE: in a
# STDERR_RE: in b
def a():
    b()
def b():
    raise KeyError("deep")
a()
