# TEST: a syntax error is a compile error: exit 2, stderr has file:line:col, the source line and a caret, nothing runs
# EXIT: 2
# STDERR_RE: ^compile_error\.mt:7:13: .+
# STDERR_RE: ^    let c = a \+ \* b$
# STDERR_RE: ^ +\^$
print("WRONG: this must not run")
let c = a + * b
