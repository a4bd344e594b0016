# TEST: during shutdown a cleanup that blocks where nothing can wake it gets ThreadExit there; outer finally still runs; shutdown ends
#> main done
#> inner cleanup blocks
#> outer cleanup
# NO_STDERR: yes
def w():
    try:
        try:
            channel().recv()
        finally:
            print("inner cleanup blocks")
            channel().recv()
            print("not reached")
    finally:
        print("outer cleanup")
spawn w()
print("main done")
