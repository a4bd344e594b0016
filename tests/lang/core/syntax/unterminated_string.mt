# TEST: an unterminated string literal is a compile error at its line
# EXIT: 2
# STDERR_RE: unterminated_string\.mt:5:[0-9]+
print("WRONG ran")
let s = "abc
print(s)
