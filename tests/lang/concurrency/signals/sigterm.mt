# TEST: SIGTERM behaves like exit(143): SystemExit in main, cleanup of every thread, status 143
# GC_STRESS: skip
# SIGNAL: TERM 1
#> ready
#> main finally
#> worker cleanup
# EXIT: 143
def worker():
    try:
        channel().recv()
    finally:
        print("worker cleanup")
spawn worker()
sleep(0)
print("ready")
try:
    sleep(10)
finally:
    print("main finally")
