# TEST: two commas in a row in a tuple display
# EXIT: 2
# STDERR: err_double_comma.mt:5:15: expected ')', found ','
print("WRONG ran")
let x = (1, 2,, 3)
