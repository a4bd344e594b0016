# TEST: a recv on a closed drained channel (or a send on a closed channel) is ready and raises ChannelClosed when chosen
#> recv case raised ChannelClosed
#> send case raised ChannelClosed
#> closed beats waiting: ChannelClosed
let closed = channel()
closed.close()
let never = channel()
try:
    select:
        case closed.recv() as v:
            print("got", v)
        default:
            print("default")
except ChannelClosed:
    print("recv case raised ChannelClosed")
try:
    select:
        case closed.send(1):
            print("sent")
        default:
            print("default")
except ChannelClosed:
    print("send case raised ChannelClosed")
try:
    select:
        case never.recv() as v:
            print("never")
        case closed.recv() as v:
            print("got", v)
except ChannelClosed as e:
    print("closed beats waiting:", type(e))
