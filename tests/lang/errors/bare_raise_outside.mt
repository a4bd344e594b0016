# TEST: a bare raise outside an except block is a compile error (exit 2, file:line:col)
# EXIT: 2
# STDERR_RE: bare_raise_outside\.mt:6:[0-9]+
print("WRONG ran")
def f():
    raise
