# TEST: an unmatched closing parenthesis is a compile error at its column
# EXIT: 2
# STDERR_RE: ^extra_close_paren\.mt:5:9: 
print("WRONG ran")
print(1))
