# TEST: let with a target list needs a value
# EXIT: 2
# STDERR: err_let_missing_value.mt:5:9: expected '=', found end of line
print("WRONG ran")
let a, b
