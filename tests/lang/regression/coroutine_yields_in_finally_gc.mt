# TEST: a garbage coroutine whose finally yields again, closed by the collector, is reported and the program goes on
# Bug: the collector's closer thread crashed the VM when close() raised.
# GC_STRESS: skip
# EXIT: 1
# STDERR: Error closing a suspended coroutine:
# STDERR: ValueError: coroutine yielded while being closed
#> 1
#> after gc
#> still running
def g():
    try:
        yield 1
    finally:
        yield 2
def make():
    let co = coroutine(g)
    print(co.resume())
make()
gc()
print("after gc")
sleep(0)
print("still running")
