# TEST: DeadlockError is an Error: main can catch it and go on; the blocked thread is killed with cleanup at the end
#> caught by except Error: DeadlockError
#> main goes on
#> worker cleanup
let x = channel()
let y = channel()
def worker():
    try:
        x.recv()
    finally:
        print("worker cleanup")
spawn worker()
try:
    y.recv()
except Error as e:
    print("caught by except Error:", type(e))
print("main goes on")
