# TEST: two statements on one line without a separator are a compile error
# EXIT: 2
# STDERR_RE: ^two_statements_one_line\.mt:5:10: 
print("WRONG ran")
print(1) print(2)
