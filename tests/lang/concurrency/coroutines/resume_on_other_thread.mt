# TEST: a coroutine blocked inside another thread's resume chain is running: resume or close from elsewhere raises ValueError
#> resume: ValueError
#> close: ValueError
#> gen got v
#> t got r
let ch = channel()
def gen():
    let v = ch.recv()
    print("gen got", v)
    yield "r"
let co = coroutine(gen)
def t():
    print("t got", co.resume())
let th = spawn t()
sleep(0)
# co is suspended in recv on th's resume chain
try:
    co.resume()
except ValueError:
    print("resume: ValueError")
try:
    co.close()
except ValueError:
    print("close: ValueError")
ch.send("v")
th.join()
