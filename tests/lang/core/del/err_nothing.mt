# TEST: del needs a target
# EXIT: 2
# STDERR: err_nothing.mt:2:4: invalid 'del' target
print("WRONG ran")
del
