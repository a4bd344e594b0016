# TEST: elif after else is a compile error
# EXIT: 2
# STDERR_RE: ^elif_after_else\.mt:9:1: 
print("WRONG ran")
if true:
    pass
else:
    pass
elif false:
    pass
