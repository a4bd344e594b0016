# TEST: del of a call is a compile error
# EXIT: 2
# STDERR: err_call.mt:7:7: cannot delete a function call
print("WRONG ran")
def f():
    return [1]
del f()
