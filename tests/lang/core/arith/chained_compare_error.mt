# TEST: a < b < c is a compile error (exit 2, file:line:col), nothing runs
# EXIT: 2
# STDERR_RE: chained_compare_error\.mt:6:[0-9]+
print("WRONG ran")
let a = 1
print(a < 2 < 3)
