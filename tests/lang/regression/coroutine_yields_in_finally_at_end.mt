# TEST: a coroutine whose finally yields again, closed at program end, is reported (not a segfault that loses buffered output); the program goes on and ends with status 1
# Bug: the closer thread had no frame of its own; when close() failed the VM read below its frame stack.
# EXIT: 1
# STDERR: Error closing a suspended coroutine:
# STDERR: ValueError: coroutine yielded while being closed
# STDERR_RE: in g
#> 1
#> end of main
#> after the failed close
def g():
    try:
        yield 1
    finally:
        yield 2
let co = coroutine(g)
print(co.resume())
print("end of main")
def later():
    sleep(0.01)
    print("after the failed close")
spawn later()
