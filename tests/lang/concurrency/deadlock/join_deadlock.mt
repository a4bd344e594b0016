# TEST: main joining a thread that is blocked forever gets DeadlockError (not a hang)
#> DeadlockError
#> thread cleanup
let ch = channel()
def stuck():
    try:
        ch.recv()
    finally:
        print("thread cleanup")
let t = spawn stuck()
try:
    t.join()
except DeadlockError:
    print("DeadlockError")
