# TEST: two starred targets in one target list are a compile error
# EXIT: 2
# STDERR: err_two_stars.mt:5:8: more than one starred target in a target list
print("WRONG ran")
a, *b, *c = [1, 2, 3]
