# TEST: a signal after main has finished begins shutdown: the remaining threads are killed with cleanup; status 130
# SIGNAL: INT 1
#> main done
#> worker cleanup
# EXIT: 130
def worker():
    try:
        while true:
            sleep(0.01)
    finally:
        print("worker cleanup")
spawn worker()
print("main done")
