# TEST: after(s) fires if nothing else becomes ready within s seconds
#> timeout
#> late value lost? no: late
let ch = channel(1)
def late():
    sleep(0.05)
    ch.send("late")
spawn late()
select:
    case ch.recv() as v:
        print("got", v)
    case after(0.01):
        print("timeout")
print("late value lost? no:", ch.recv())
