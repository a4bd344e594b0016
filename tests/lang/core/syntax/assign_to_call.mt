# TEST: assigning to something that is not a name, index or attribute is a compile error
# EXIT: 2
# STDERR_RE: assign_to_call\.mt:7:[0-9]+
print("WRONG ran")
def f():
    return 1
f() = 3
