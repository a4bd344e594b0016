# TEST: one *args at most
# EXIT: 2
# STDERR: err_two_stars.mt:5:11: only one * or *args parameter is allowed
print("WRONG ran")
def f(*a, *b): pass
