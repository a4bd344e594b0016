# TEST: closing a channel wakes the threads blocked in recv on it with ChannelClosed
#> r1 ChannelClosed
#> r2 ChannelClosed
let ch = channel()
def r(name):
    try:
        ch.recv()
        print(name, "got a value?")
    except ChannelClosed as e:
        print(name, type(e))
let t1 = spawn r("r1")
let t2 = spawn r("r2")
sleep(0)
ch.close()
t1.join()
t2.join()
