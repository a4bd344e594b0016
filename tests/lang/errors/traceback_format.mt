# TEST: an uncaught error prints "Traceback (most recent call last):", each frame as "  FILE:LINE, in FUNC" plus the source line indented 4, then "Class: message"; exit 1
# EXIT: 1
#> start
# STDERR_RE: ^Traceback \(most recent call last\):$
# STDERR_RE: ^  traceback_format\.mt:17, in <module>$
# STDERR_RE: ^    outer\(0\)$
# STDERR_RE: ^  traceback_format\.mt:13, in outer$
# STDERR_RE: ^    return inner\(x\)$
# STDERR_RE: ^  traceback_format\.mt:16, in inner$
# STDERR_RE: ^    return 10 // x$
# STDERR_RE: ^ZeroDivisionError: .+$
def outer(x):
    return inner(x)
print("start")
def inner(x):
    return 10 // x
outer(0)
print("WRONG")
