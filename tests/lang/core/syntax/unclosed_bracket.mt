# TEST: an unclosed bracket at end of file is a compile error (not a hang or crash)
# EXIT: 2
# STDERR_RE: unclosed_bracket\.mt:[0-9]+:[0-9]+
print("WRONG ran")
let xs = [1, 2,
    3
