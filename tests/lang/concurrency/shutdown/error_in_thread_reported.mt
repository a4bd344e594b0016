# TEST: an uncaught error in a spawned thread is reported on stderr when it dies (with where it was spawned); main goes on; status 1
#> main continues
#> main done
# EXIT: 1
# STDERR: Error in thread 2 (spawned at error_in_thread_reported.mt:18 in start)
# STDERR: IndexError: bad index
# STDERR_RE: error_in_thread_reported\.mt:14, in worker
# STDERR: Traceback
def helper():
    let xs = []
    return xs[3]
def worker():
    yield
    raise IndexError("bad index")
    helper()
def start():
    # the spawn site is reported, with the function that spawned
    return spawn worker()
start()
sleep(0.01)
print("main continues")
print("main done")
