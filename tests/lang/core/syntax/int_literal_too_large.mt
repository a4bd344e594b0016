# TEST: an integer literal that does not fit in 64 bits is a compile error at its position
# EXIT: 2
# STDERR_RE: int_literal_too_large\.mt:5:7
print("WRONG ran")
print(9223372036854775808)
