# TEST: an unexpected indent is a compile error with file:line:col
# EXIT: 2
# STDERR_RE: bad_indent\.mt:6:[0-9]+
print("WRONG ran")
let x = 1
    let y = 2
