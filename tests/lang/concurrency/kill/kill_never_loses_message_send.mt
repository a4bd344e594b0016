# TEST: a sender whose value was taken before the kill sees its send complete; ThreadExit comes at the next suspension point
#> main received hello
#> main killed
#> send completed
#> sender finally
#> joined nil
let ch = channel()
def sender():
    try:
        ch.send("hello")
        print("send completed")
        yield
        print("not reached")
    finally:
        print("sender finally")
let t = spawn sender()
sleep(0)
print("main received", ch.recv())
t.kill()
print("main killed")
print("joined", t.join())
