# TEST: del needs a target
# EXIT: 2
# STDERR: err_nothing.mt:5:4: invalid 'del' target
print("WRONG ran")
del
