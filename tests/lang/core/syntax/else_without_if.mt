# TEST: else without a matching if is a compile error
# EXIT: 2
# STDERR_RE: ^else_without_if\.mt:5:1: 
print("WRONG ran")
else:
    print(1)
