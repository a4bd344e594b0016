# TEST: a ThreadExit arriving while a finally runs waits until the block ends, also when the victim is queued (yielded), not parked
#> in finally
#> killed during finally
#> finally ends
#> outer finally
#> joined nil
let inside = channel(1)
def worker():
    try:
        try:
            pass
        finally:
            print("in finally")
            inside.send(1)
            # main is now runnable ahead of us; it kills us while we sit in the run queue
            sleep(0)
            print("finally ends")
        sleep(0)
        print("not reached")
    finally:
        print("outer finally")
let t = spawn worker()
inside.recv()
t.kill()
print("killed during finally")
print("joined", t.join())
