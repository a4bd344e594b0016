# TEST: a kill held while a finally (entered normally) waits is raised when that finally raises an Error: the Error is reported, a bare except does not get it
# EXIT: 1
# STDERR: Error in thread 2 (spawned at
# STDERR: ignored while ThreadExit unwinds the thread:
# STDERR: KeyError: from cleanup
#> cleanup waits
#> outer cleanup
#> join: nil
let hold = channel()
def worker():
    try:
        try:
            pass
        finally:
            print("cleanup waits")
            hold.recv()
            raise KeyError("from cleanup")
    except:
        print("bare except: not reached")
    finally:
        print("outer cleanup")
    return "normal"
let t = spawn worker()
sleep(0)
t.kill()
hold.send(1)
print("join:", t.join())
