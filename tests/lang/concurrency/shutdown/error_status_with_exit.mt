# TEST: the exit status is fixed by what began shutdown: exit(n) wins over an error reported earlier
#> exiting
# EXIT: 9
# STDERR: Error in thread 2
def bad():
    raise ValueError("x")
spawn bad()
sleep(0)
print("exiting")
exit(9)
