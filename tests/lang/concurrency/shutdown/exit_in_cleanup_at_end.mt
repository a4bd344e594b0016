# TEST: main ended normally and shutdown kills a blocked thread; exit(8) in its cleanup only unwinds that thread; status 0
# GC_STRESS: skip
#> main done
#> cleanup calls exit(8)
#> outer finally
#> other cleanup
# EXIT: 0
def a():
    try:
        try:
            channel().recv()
        finally:
            print("cleanup calls exit(8)")
            exit(8)
    finally:
        print("outer finally")
def b():
    try:
        channel().recv()
    finally:
        print("other cleanup")
spawn a()
spawn b()
print("main done")
