# TEST: a truncated multi-byte sequence at end of a source line is a compile error, exit 2
# EXIT: 2
# STDERR_RE: invalid_utf8_truncated\.mt:5:[0-9]+
print("WRONG ran")
# comment æ—
