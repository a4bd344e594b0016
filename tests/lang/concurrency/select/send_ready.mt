# TEST: a select send case runs when the send can complete; the value is delivered
#> sent to full? no: sent to b
#> b holds 7
let a = channel(1)
let b = channel(1)
a.send(0)
select:
    case a.send(5):
        print("sent to a")
    case b.send(7):
        print("sent to full? no: sent to b")
print("b holds", b.recv())
