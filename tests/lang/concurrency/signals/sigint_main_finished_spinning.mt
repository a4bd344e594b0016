# TEST: main has finished and the only thread spins without suspending: SIGINT is still noticed and begins shutdown
# SIGNAL: INT 1
# TIMEOUT: 3
#> main done
#> spinner cleanup
# EXIT: 130
def spinner():
    try:
        let n = 0
        while true:
            n += 1
    finally:
        print("spinner cleanup")
spawn spinner()
print("main done")
