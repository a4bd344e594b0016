# TEST: a thread dying of an error runs its finally blocks before the error is reported
#> thread finally
#> main done
# EXIT: 1
# STDERR: TypeError: typed
def bad():
    try:
        raise TypeError("typed")
    finally:
        print("thread finally")
let t = spawn bad()
sleep(0)
print("main done")
