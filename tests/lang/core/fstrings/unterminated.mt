# TEST: an unclosed { in an f-string is a compile error
# EXIT: 2
# STDERR_RE: unterminated\.mt:5:[0-9]+
print("WRONG ran")
print(f"abc {1 + 2")
