# TEST: a ':' with no indented block after it is a compile error
# EXIT: 2
# STDERR_RE: missing_block\.mt:(5|6):[0-9]+
print("WRONG ran")
if true:
print("x")
