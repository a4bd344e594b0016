# TEST: a duplicate parameter name is a compile error
# EXIT: 2
# STDERR_RE: ^duplicate_param\.mt:5:10: 
print("WRONG ran")
def f(a, a):
    pass
