# TEST: for targets are names
# EXIT: 2
# STDERR: err_for_target.mt:5:8: expected variable name, found number
print("WRONG ran")
for a, 1 in [[1, 2]]:
    pass
