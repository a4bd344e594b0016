# TEST: exit(n) in a spawned thread: SystemExit unwinds it, then every other thread (main included) is killed with cleanup; status n
# GC_STRESS: skip
#> worker exiting
#> worker finally
#> main finally
#> other finally
# EXIT: 3
# NO_STDERR: yes
def worker():
    try:
        sleep(0.01)
        print("worker exiting")
        exit(3)
        print("not reached")
    except:
        print("bare except must not catch SystemExit")
    finally:
        print("worker finally")
def other():
    try:
        channel().recv()
    finally:
        print("other finally")
let keep = channel()
let t = spawn worker()
let o = spawn other()
try:
    keep.recv()
    print("not reached")
finally:
    print("main finally")
