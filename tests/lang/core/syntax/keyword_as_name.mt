# TEST: a reserved word cannot be used as a variable name
# EXIT: 2
# STDERR_RE: keyword_as_name\.mt:5:[0-9]+
print("WRONG ran")
let while = 3
