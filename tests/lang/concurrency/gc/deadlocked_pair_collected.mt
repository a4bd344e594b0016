# TEST: threads deadlocked among themselves while main runs are collected (in id order) and their finally blocks run
#> main still running
#> a cleanup
#> b cleanup
#> main done
def a(mine, theirs):
    try:
        mine.recv()
        theirs.send(1)
    finally:
        print("a cleanup")
def b(mine, theirs):
    try:
        mine.recv()
        theirs.send(1)
    finally:
        print("b cleanup")
def setup():
    let x = channel()
    let y = channel()
    spawn a(x, y)
    spawn b(y, x)
setup()
sleep(0)
print("main still running")
gc()
sleep(0.005)
print("main done")
