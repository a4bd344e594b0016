# TEST: send on a closed channel raises ChannelClosed (an Error), buffered or not
#> unbuffered ChannelClosed
#> buffered ChannelClosed
#> is Error
let a = channel()
a.close()
try:
    a.send(1)
except ChannelClosed as e:
    print("unbuffered", type(e))
let b = channel(3)
b.send(1)
b.close()
try:
    b.send(2)
except ChannelClosed as e:
    print("buffered", type(e))
try:
    b.send(3)
except Error:
    print("is Error")
