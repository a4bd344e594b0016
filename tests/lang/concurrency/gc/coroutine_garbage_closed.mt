# TEST: a coroutine that becomes garbage while suspended in try/finally is closed by the collector
# The collector runs no Mt code itself: the finally runs on a fresh thread
# once main lets other threads run.
#> started
#> after gc
#> finally runs, got ThreadExit
#> after yield
def g():
    try:
        yield 1
        print("not reached")
    except ThreadExit as e:
        print("finally runs, got", type(e))
        raise
def make():
    let co = coroutine(g)
    co.resume()
    print("started")
make()
gc()
print("after gc")
sleep(0)
print("after yield")
