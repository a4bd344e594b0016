# TEST: SIGTERM is noticed at a safe point of a spinning spawned thread; SystemExit in main; spinner killed with cleanup; 143
# SIGNAL: TERM 1
# TIMEOUT: 3
#> main sleeps
#> main finally
#> spinner cleanup
# EXIT: 143
def spinner():
    try:
        let n = 0
        while true:
            n += 1
    finally:
        print("spinner cleanup")
spawn spinner()
try:
    print("main sleeps")
    # the spinner never suspends, so main only runs again because of the signal
    sleep(0.01)
    print("not reached")
finally:
    print("main finally")
