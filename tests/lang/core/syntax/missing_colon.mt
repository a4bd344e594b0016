# TEST: a block header without its colon is a compile error at the end of the header
# EXIT: 2
# STDERR_RE: ^missing_colon\.mt:5:8: 
print("WRONG ran")
if true
    print(1)
