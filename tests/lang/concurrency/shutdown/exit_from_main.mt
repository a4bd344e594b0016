# TEST: exit(n) in main: main unwinds, then the other threads are killed with cleanup; status n
#> main finally
#> a finally
#> b finally
# EXIT: 5
# NO_STDERR: yes
let keep = [channel(), channel()]
def w(name, ch):
    try:
        ch.recv()
    finally:
        print(name, "finally")
spawn w("a", keep[0])
spawn w("b", keep[1])
sleep(0)
try:
    exit(5)
finally:
    print("main finally")
print("not reached")
