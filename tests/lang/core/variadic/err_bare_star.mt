# TEST: a bare * needs keyword-only parameters after it
# EXIT: 2
# STDERR: err_bare_star.mt:5:7: a bare * must be followed by keyword-only parameters
print("WRONG ran")
def f(*): pass
