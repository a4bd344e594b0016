# TEST: during exit, cleanup in killed threads may block (sleep, send to another dying thread's cleanup)
#> exiting
#> a cleanup start
#> a cleanup after sleep
#> b received from a: bye
#> b cleanup done
# EXIT: 7
let link = channel()
def a():
    try:
        channel().recv()
    finally:
        print("a cleanup start")
        sleep(0.01)
        print("a cleanup after sleep")
        link.send("bye")
def b():
    try:
        channel().recv()
    finally:
        print("b received from a:", link.recv())
        print("b cleanup done")
spawn a()
spawn b()
sleep(0)
print("exiting")
exit(7)
