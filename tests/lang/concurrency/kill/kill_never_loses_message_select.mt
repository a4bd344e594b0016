# TEST: a value handed to a thread parked in select is delivered and its case runs before ThreadExit
#> main sent 5
#> case ran with 5
#> finally
#> joined nil
let ch = channel()
def worker():
    try:
        select:
            case ch.recv() as v:
                print("case ran with", v)
            case after(10):
                print("timeout")
        sleep(0)
        print("not reached")
    finally:
        print("finally")
let t = spawn worker()
sleep(0)
ch.send(5)
print("main sent", 5)
t.kill()
print("joined", t.join())
