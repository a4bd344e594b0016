# TEST: an unbuffered channel is a rendezvous: the sender waits until a receiver takes the value
#> producer: sending 1
#> main: receiving
#> main: got 1
#> producer: sent 1
#> producer: sending 2
#> producer: sent 2
#> main: got 2
let ch = channel()
def producer():
    for i in [1, 2]:
        print("producer: sending", i)
        ch.send(i)
        print("producer: sent", i)
spawn producer()
yield
print("main: receiving")
print("main: got", ch.recv())
print("main: got", ch.recv())
