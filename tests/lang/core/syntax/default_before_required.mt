# TEST: a parameter without a default after one with a default is a compile error
# EXIT: 2
# STDERR_RE: ^default_before_required\.mt:5:12: 
print("WRONG ran")
def f(a=1, b):
    pass
