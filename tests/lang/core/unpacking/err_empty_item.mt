# TEST: an empty item in a target list is a compile error
# EXIT: 2
# STDERR: err_empty_item.mt:7:3: invalid assignment target
print("WRONG ran")
let a = 0
let b = 0
a,, b = 1, 2
