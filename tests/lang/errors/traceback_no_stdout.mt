# TEST: tracebacks go to stderr only: stdout holds just what the program printed
#> ok
# EXIT: 1
# STDERR: KeyError
print("ok")
let m = {}
m["nope"]
