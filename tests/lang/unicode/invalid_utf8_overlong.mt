# TEST: an overlong UTF-8 encoding in the source is a compile error, exit 2
# EXIT: 2
# STDERR_RE: invalid_utf8_overlong\.mt:5:[0-9]+
print("WRONG ran")
print("À¯")
