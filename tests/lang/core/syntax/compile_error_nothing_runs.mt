# TEST: a compile error anywhere in the file means nothing runs, not even earlier lines
# EXIT: 2
# STDERR_RE: compile_error_nothing_runs\.mt:9:
print("WRONG: this must not run")
def f():
    return 1
let a = 1
let b = 2
let c = )
