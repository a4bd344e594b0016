# TEST: an augmented assignment takes one target
# EXIT: 2
# STDERR: err_augmented_several.mt:7:6: '+=' needs a single target
print("WRONG ran")
let a = 0
let b = 0
a, b += 1, 2
