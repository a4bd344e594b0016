# TEST: SIGINT while a killed thread holds its kill in a waiting cleanup: main gets Interrupt, its handler releases the cleanup, which finishes before the thread unwinds
# SIGNAL: INT 0.5
# EXIT: 130
#> cleanup waits
#> main interrupted
#> cleanup ends
#> joined: nil
let hold = channel()
def worker():
    try:
        pass
    finally:
        print("cleanup waits")
        hold.recv()
        print("cleanup ends")
    print("after the block: not reached")
let t = spawn worker()
sleep(0)
t.kill()
try:
    sleep(10)
finally:
    print("main interrupted")
    hold.send(1)
    print("joined:", t.join())
