# TEST: main and a thread each wait for the other: DeadlockError in main, never ThreadExit
#> main got DeadlockError
#> other cleanup
let to_main = channel()
let to_other = channel()
def other():
    try:
        to_other.recv()
        to_main.send(1)
    finally:
        print("other cleanup")
spawn other()
try:
    to_main.recv()
except ThreadExit:
    print("main must never get ThreadExit from the collector")
except DeadlockError:
    print("main got DeadlockError")
