# TEST: exit() called during shutdown only unwinds its own thread; the status stays the one that began shutdown
#> exiting with 3
#> a cleanup calls exit(8)
#> a outer finally
#> b cleanup
# EXIT: 3
def a():
    try:
        try:
            channel().recv()
        finally:
            print("a cleanup calls exit(8)")
            exit(8)
            print("not reached")
    finally:
        print("a outer finally")
def b():
    try:
        channel().recv()
    finally:
        print("b cleanup")
spawn a()
spawn b()
sleep(0)
print("exiting with 3")
exit(3)
