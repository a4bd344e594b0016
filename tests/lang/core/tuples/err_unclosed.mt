# TEST: an unclosed tuple display
# EXIT: 2
# STDERR: err_unclosed.mt:6:1: expected ')', found name
print("WRONG ran")
let x = (1, 2
print(x)
