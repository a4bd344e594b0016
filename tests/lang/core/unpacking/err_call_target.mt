# TEST: a call cannot be an unpacking target
# EXIT: 2
# STDERR: err_call_target.mt:8:6: cannot assign to a function call
print("WRONG ran")
def f():
    return [0]
let a = 0
a, f() = 1, 2
