# TEST: a display that starts as a set cannot go on as a map: compile error at the colon, nothing runs
# EXIT: 2
# STDERR_RE: ^syntax_mixed\.mt:6:14: expected '\}', found ':'$
print("WRONG: this must not run")
let ok = {1, 2}
let s = {1, 2: 3}
