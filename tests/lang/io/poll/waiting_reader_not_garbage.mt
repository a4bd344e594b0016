# TEST: a thread waiting for input is not garbage (its fd can wake it): gc() does not kill it, and it gets the line later
# STDIN_CMD: sleep 0.3; echo data
#> after gc
#> got data
def reader():
    try:
        print("got", input())
    except ThreadExit:
        print("WRONG: killed by the collector")
spawn reader()
sleep(0.05)
gc()
print("after gc")
