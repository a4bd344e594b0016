# TEST: cleanup run because of SIGINT may block (sleep, channel hand-off between dying threads) and still completes
# GC_STRESS: skip
# SIGNAL: INT 1
#> ready
#> main finally slept
#> a cleanup sends
#> a cleanup done
#> b cleanup got bye
# EXIT: 130
let link = channel()
def a():
    try:
        channel().recv()
    finally:
        sleep(0.01)
        print("a cleanup sends")
        link.send("bye")
        print("a cleanup done")
def b():
    try:
        channel().recv()
    finally:
        print("b cleanup got", link.recv())
spawn a()
spawn b()
sleep(0)
print("ready")
try:
    sleep(10)
finally:
    sleep(0.01)
    print("main finally slept")
