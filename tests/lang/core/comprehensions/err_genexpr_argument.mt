# TEST: a generator expression as one of several arguments needs parentheses
# EXIT: 2
# STDERR: err_genexpr_argument.mt:5:19: a generator expression must be in parentheses unless it is the only argument
print("WRONG ran")
print(x for x in y, 1)
