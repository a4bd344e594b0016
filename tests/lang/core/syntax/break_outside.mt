# TEST: break or continue outside a loop is a compile error
# EXIT: 2
# STDERR_RE: break_outside\.mt:6:[0-9]+
print("WRONG ran")
if true:
    break
