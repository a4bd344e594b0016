# TEST: * in a call needs an expression
# EXIT: 2
# STDERR: err_star_empty.mt:5:8: expected an expression, found ')'
print("WRONG ran")
print(*)
