# TEST: an unclosed comprehension
# EXIT: 2
# STDERR: err_unclosed.mt:6:1: expected ']', found end of line
print("WRONG ran")
[x for x in y
