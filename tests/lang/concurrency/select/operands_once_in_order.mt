# TEST: on entering select, every case's channel and send-value expressions are evaluated once, in source order
#> chan a
#> chan b
#> value 1
#> chan c
#> value 2
#> chan d
#> woken: got x
#> evaluations 6
let chans = {"a": channel(), "b": channel(), "c": channel(), "d": channel()}
let evals = 0
def ch(name):
    print("chan", name)
    evals += 1
    return chans[name]
def val(n):
    print("value", n)
    evals += 1
    return n
def feeder():
    sleep(0.01)
    chans["d"].send("x")
spawn feeder()
# nothing is ready at first: select waits; the operands are not evaluated again on wake-up
select:
    case ch("a").recv() as v:
        print("a", v)
    case ch("b").send(val(1)):
        print("sent b")
    case ch("c").send(val(2)):
        print("sent c")
    case ch("d").recv() as v:
        print("woken: got", v)
print("evaluations", evals)
