# TEST: a thread blocked on a channel that main can still reach is not collected; a later send wakes it
#> after gc alive true
#> worker got 5
let ch = channel()
def worker():
    try:
        print("worker got", ch.recv())
    except ThreadExit:
        print("wrongly collected")
        raise
let t = spawn worker()
sleep(0)
gc()
sleep(0)
print("after gc alive", t.alive)
ch.send(5)
t.join()
