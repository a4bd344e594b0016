# TEST: SIGINT is noticed while a spawned thread spins (no suspension): Interrupt goes to main; the spinner is killed with cleanup
# SIGNAL: INT 1
# TIMEOUT: 3
#> main waits
#> main finally
#> spinner cleanup
# EXIT: 130
def spinner():
    try:
        let n = 0
        while true:
            n += 1
    finally:
        print("spinner cleanup")
let t = spawn spinner()
try:
    print("main waits")
    t.join()
finally:
    print("main finally")
