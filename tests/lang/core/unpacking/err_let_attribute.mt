# TEST: let declares names: an attribute in a let target list is a compile error
# EXIT: 2
# STDERR: err_let_attribute.mt:6:7: expected a variable name in a let target list
print("WRONG ran")
let p = nil
let (p.x, y) = 1, 2
