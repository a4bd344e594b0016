# TEST: a source file with invalid UTF-8 is a compile error with file:line:col, exit 2, nothing runs
# EXIT: 2
# STDERR_RE: invalid_utf8_source\.mt:5:[0-9]+
print("WRONG ran")
let s = "abÿcd"
