# TEST: an uncaught error in main prints a traceback, kills every other thread with cleanup, status 1
#> main about to fail
#> a cleanup
#> b cleanup
# EXIT: 1
# STDERR: Traceback
# STDERR: KeyError: nope
# STDERR_RE: error_in_main\.mt:[0-9]+, in fail
# STDERR: raise KeyError("nope")
let keep = [channel(), channel()]
def w(name, ch):
    try:
        ch.recv()
    finally:
        print(name, "cleanup")
def fail():
    raise KeyError("nope")
spawn w("a", keep[0])
spawn w("b", keep[1])
sleep(0)
print("main about to fail")
fail()
print("not reached")
