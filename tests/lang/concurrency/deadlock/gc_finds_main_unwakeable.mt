# TEST: a collection that finds nothing reachable can wake main raises DeadlockError in main, although another thread keeps running
#> DeadlockError while busy thread runs
#> busy stops
let stop = false
def busy():
    # keeps the run queue and timers non-empty, and collects
    while not stop:
        sleep(0.002)
        gc()
    print("busy stops")
def wait_private():
    # only main can reach this channel: nothing else can ever send on it
    let ch = channel()
    ch.recv()
spawn busy()
try:
    wait_private()
except DeadlockError:
    print("DeadlockError while busy thread runs")
stop = true
