# TEST: a channel operation that can complete without waiting never switches threads
#> recv 1
#> recv 2
#> main still running
#> other
let ch = channel(2)
def other():
    print("other")
spawn other()
ch.send(1)
ch.send(2)
print("recv", ch.recv())
print("recv", ch.recv())
print("main still running")
