# TEST: a channel recv inside a coroutine nested in a thread suspends the whole thread, not just the coroutine
#> main sends 1
#> gen got 1
#> consumer 10
#> main sends 2
#> gen got 2
#> consumer 20
#> main closes
#> consumer done
let ch = channel()
def gen():
    # a generator that receives from a channel
    for v in ch:
        print("gen got", v)
        yield v * 10
def consumer():
    for v in coroutine(gen):
        print("consumer", v)
    print("consumer done")
let t = spawn consumer()
for i in [1, 2]:
    print("main sends", i)
    ch.send(i)
    sleep(0.01)
print("main closes")
ch.close()
t.join()
