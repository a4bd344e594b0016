# TEST: recv on a closed channel returns the buffered values first, then raises ChannelClosed
#> 1
#> 2
#> ChannelClosed
#> ChannelClosed again
#> unbuffered ChannelClosed
let ch = channel(3)
ch.send(1)
ch.send(2)
ch.close()
print(ch.recv())
print(ch.recv())
try:
    ch.recv()
except ChannelClosed:
    print("ChannelClosed")
try:
    ch.recv()
except ChannelClosed:
    print("ChannelClosed again")
let u = channel()
u.close()
try:
    u.recv()
except ChannelClosed as e:
    print("unbuffered", type(e))
