# TEST: an unknown escape sequence in a string literal is a compile error
# EXIT: 2
# STDERR_RE: invalid_escape\.mt:5:[0-9]+
print("WRONG ran")
print("bad \q escape")
