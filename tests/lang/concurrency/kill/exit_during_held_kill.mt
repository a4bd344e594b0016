# TEST: exit() from main while a killed thread's cleanup (holding the kill) waits: the cleanup finishes, shutdown runs, the status is exit's
# EXIT: 5
#> cleanup waits
#> main cleanup releases it
#> cleanup ends
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
    exit(5)
finally:
    print("main cleanup releases it")
    hold.send(1)
