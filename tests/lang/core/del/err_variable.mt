# TEST: del of a plain variable is a compile error (variables are declared with let and live until their block ends)
# EXIT: 2
# STDERR: err_variable.mt:6:5: cannot delete a variable: 'del' removes an item (del xs[i], del m[k], del xs[a:b])
print("WRONG ran")
let x = 1
del x
