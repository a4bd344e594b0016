# TEST: return outside a function is a compile error
# EXIT: 2
# STDERR_RE: return_outside\.mt:5:[0-9]+
print("WRONG ran")
return 1
