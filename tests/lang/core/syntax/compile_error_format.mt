# TEST: a compile error prints file:line:col: message, then the source line and a caret under the column
# EXIT: 2
# STDERR: compile_error_format.mt:7:13: 
# STDERR:     let c = a + * b
# STDERR_RE: ^ {16}\^$
print("WRONG")
let c = a + * b
