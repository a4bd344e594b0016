# TEST: a kill arriving while a coroutine the thread resumed runs its finally waits for that finally; then both coroutine and thread unwind
#> coroutine cleanup begins
#> coroutine cleanup ends
#> thread cleanup
#> join: nil
let hold = channel()
def gen():
    try:
        yield 1
    finally:
        print("coroutine cleanup begins")
        hold.recv()
        print("coroutine cleanup ends")
def worker():
    let co = coroutine(gen)
    co.resume()
    try:
        co.close()
        print("close returned: not reached")
    finally:
        print("thread cleanup")
let t = spawn worker()
sleep(0)
t.kill()
hold.send(1)
print("join:", t.join())
