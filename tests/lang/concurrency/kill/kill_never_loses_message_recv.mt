# TEST: a kill never loses a message: a value handed to a blocked receiver is delivered, ThreadExit comes at the next suspension point
#> main sent 99
#> main killed
#> receiver got 99
#> receiver finally
#> joined nil
let ch = channel()
def receiver():
    try:
        let v = ch.recv()
        print("receiver got", v)
        sleep(0)
        print("not reached")
    finally:
        print("receiver finally")
let t = spawn receiver()
sleep(0)
# the receiver is parked in recv: this send completes at once (no switch)
ch.send(99)
print("main sent 99")
t.kill()
print("main killed")
print("joined", t.join())
