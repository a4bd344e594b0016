# TEST: a comprehension's for needs an iterable
# EXIT: 2
# STDERR: err_for_no_iterable.mt:5:12: expected an expression, found ']'
print("WRONG ran")
[x for x in]
