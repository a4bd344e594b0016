# TEST: a try block with neither except nor finally is a compile error
# EXIT: 2
# STDERR_RE: ^try_without_handler\.mt:7:1: 
print("WRONG ran")
try:
    pass
print(1)
