# TEST: outside shutdown, a ThreadExit arriving while a finally runs waits until that block ends
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
            sleep(0.02)
            print("finally ends")
        sleep(0)
        print("not reached: ThreadExit is due at the latest here")
    finally:
        print("outer finally")
let t = spawn worker()
inside.recv()
t.kill()
print("killed during finally")
print("joined", t.join())
