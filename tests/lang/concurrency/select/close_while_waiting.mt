# TEST: a select waiting on a channel that is then closed wakes and raises ChannelClosed
#> closer closing
#> select raised ChannelClosed
let ch = channel()
def closer():
    print("closer closing")
    ch.close()
spawn closer()
try:
    select:
        case ch.recv() as v:
            print("got", v)
        case after(5):
            print("timeout")
except ChannelClosed:
    print("select raised ChannelClosed")
