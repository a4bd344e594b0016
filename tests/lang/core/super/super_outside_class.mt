# TEST: super outside a class method is a compile error
# EXIT: 2
# STDERR_RE: super_outside_class\.mt:6:[0-9]+
print("WRONG ran")
def f():
    return super.x()
