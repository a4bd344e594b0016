# TEST: a kill that arrives after a value was handed to a waiting thread waits for its next suspension point: the value is used first
#> got 7
#> handled 7
#> cleanup
#> join: nil
let inbox = channel()
let more = channel()
def worker():
    try:
        let v = inbox.recv()
        print("got", v)
        print("handled", v)
        more.recv()
        print("not reached")
    finally:
        print("cleanup")
let t = spawn worker()
sleep(0)
inbox.send(7)
t.kill()
print("join:", t.join())
