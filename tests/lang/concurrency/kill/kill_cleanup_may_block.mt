# TEST: a finally run during a kill may block (sleep, send): the scheduler keeps running it
#> worker waiting
#> cleanup start
#> cleanup slept
#> cleanup sent
#> main got last words
#> joined nil
let out = channel()
def worker():
    try:
        print("worker waiting")
        channel().recv()
    finally:
        print("cleanup start")
        sleep(0.01)
        print("cleanup slept")
        out.send("last words")
        print("cleanup sent")
let t = spawn worker()
sleep(0)
t.kill()
let msg = out.recv()
print("main got", msg)
print("joined", t.join())
