# TEST: an Error re-raised by join and not caught ends the program with a traceback and status 1
# EXIT: 1
#> joining
# STDERR: ZeroDivisionError
# STDERR_RE: join_uncaught_reraise.mt:[0-9]+
def bad():
    yield
    return 1 // 0
let t = spawn bad()
print("joining")
t.join()
print("not reached")
