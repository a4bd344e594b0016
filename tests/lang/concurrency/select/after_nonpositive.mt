# TEST: after(s) with s <= 0 is ready at once: it is chosen over default and over waiting
#> after 0 fired
#> after -1 fired
let ch = channel()
select:
    case ch.recv() as v:
        print("got", v)
    case after(0):
        print("after 0 fired")
    default:
        print("default")
select:
    case ch.recv() as v:
        print("got", v)
    case after(-1):
        print("after -1 fired")
