# TEST: a kill arriving while the thread waits inside a coroutine it resumed unwinds the coroutine's cleanup, then the thread's
#> coroutine waits
#> coroutine cleanup
#> thread cleanup
#> join: nil
let gate = channel()
def gen():
    try:
        print("coroutine waits")
        gate.recv()
        yield 1
    finally:
        print("coroutine cleanup")
def worker():
    try:
        coroutine(gen).resume()
        print("not reached")
    except:
        print("a bare except caught it")
    finally:
        print("thread cleanup")
let t = spawn worker()
sleep(0)
t.kill()
print("join:", t.join())
