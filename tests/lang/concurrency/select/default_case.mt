# TEST: default runs at once when no case is ready, and never when one is ready
#> default
#> got 1
#> default again
let ch = channel()
select:
    case ch.recv() as v:
        print("got", v)
    default:
        print("default")
let b = channel(1)
b.send(1)
select:
    case b.recv() as v:
        print("got", v)
    default:
        print("default")
b.send(9)
select:
    case b.send(2):
        print("sent to full buffer?")
    case ch.send(3):
        print("sent to unbuffered with no receiver?")
    default:
        print("default again")
