# TEST: SIGINT held while main's cleanup runs, then that cleanup blocks where nothing can wake it: the Interrupt goes on (not a DeadlockError)
# SIGNAL: INT 0.3
# EXIT: 130
# STDERR: Interrupt
#> cleanup waits
#> outer finally
let never = channel()
try:
    try:
        pass
    finally:
        print("cleanup waits")
        sleep(0.6)
        never.recv()
finally:
    print("outer finally")
