# TEST: SIGINT: main gets Interrupt, then every other thread is killed (spawn order) with cleanup; status 130
# GC_STRESS: skip
# SIGNAL: INT 1
#> ready
#> main finally
#> a cleanup
#> b cleanup
#> c cleanup
# EXIT: 130
let keep = channel()
def w(name):
    try:
        if name == "a":
            keep.recv()
        elif name == "b":
            sleep(10)
        else:
            channel().send(1)
    finally:
        print(name, "cleanup")
spawn w("a")
spawn w("b")
spawn w("c")
sleep(0)
print("ready")
try:
    sleep(10)
finally:
    print("main finally")
