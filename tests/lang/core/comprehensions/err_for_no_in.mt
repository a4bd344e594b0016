# TEST: a comprehension's for needs 'in'
# EXIT: 2
# STDERR: err_for_no_in.mt:5:9: expected 'in' after the loop variable of a comprehension, found ']'
print("WRONG ran")
[x for x]
