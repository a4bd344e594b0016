# TEST: passing the same keyword argument twice is a compile error
# EXIT: 2
# STDERR_RE: ^duplicate_keyword_arg\.mt:7:8: 
print("WRONG ran")
def f(a):
    return a
f(a=1, a=2)
