# TEST: a literal cannot be an unpacking target
# EXIT: 2
# STDERR: err_literal_target.mt:6:4: invalid assignment target
print("WRONG ran")
let a = 0
a, 1 = 1, 2
