# TEST: SIGTERM gives 143 even after a thread error was reported
# SIGNAL: TERM 1
#> ready
# EXIT: 143
# STDERR: Error in thread 2
def bad():
    raise KeyError("k")
spawn bad()
sleep(0)
print("ready")
sleep(10)
