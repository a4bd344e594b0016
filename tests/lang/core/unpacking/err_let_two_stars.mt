# TEST: two starred names in one let target list are a compile error
# EXIT: 2
# STDERR: err_let_two_stars.mt:5:9: more than one starred target in a target list
print("WRONG ran")
let *a, *b = [1, 2]
