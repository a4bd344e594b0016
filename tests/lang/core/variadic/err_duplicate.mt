# TEST: *args may not repeat a parameter's name
# EXIT: 2
# STDERR: err_duplicate.mt:5:11: duplicate parameter 'a'
print("WRONG ran")
def f(a, *a): pass
