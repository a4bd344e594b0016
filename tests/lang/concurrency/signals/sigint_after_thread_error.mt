# TEST: the exit status is fixed by what began shutdown: SIGINT gives 130 even after a thread error was reported
# SIGNAL: INT 1
#> ready
# EXIT: 130
# STDERR: Error in thread 2
# STDERR: KeyError
def bad():
    raise KeyError("k")
spawn bad()
sleep(0)
print("ready")
sleep(10)
