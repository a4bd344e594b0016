# TEST: a positional argument after a keyword argument is a compile error
# EXIT: 2
# STDERR_RE: positional_after_keyword\.mt:7:[0-9]+
print("WRONG ran")
def f(a, b):
    return a
f(a=1, 2)
