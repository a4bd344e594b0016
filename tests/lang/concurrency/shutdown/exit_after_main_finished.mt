# TEST: exit(n) from a thread after main's top level finished: other threads are killed with cleanup, status n
#> main done
#> worker exits
#> sleeper cleanup
# EXIT: 12
def sleeper():
    try:
        sleep(10)
    finally:
        print("sleeper cleanup")
def worker():
    sleep(0.01)
    print("worker exits")
    exit(12)
spawn sleeper()
spawn worker()
print("main done")
