# TEST: a comprehension's for needs a loop variable (compile error with its line)
# EXIT: 2
# STDERR: err_for_no_name.mt:5:7: expected loop variable name after 'for', found ']'
print("WRONG ran")
[x for]
