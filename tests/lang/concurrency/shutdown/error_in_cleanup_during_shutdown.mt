# TEST: an Error raised by a cleanup during shutdown is reported (not lost) and makes the status 1
#> main done
#> cleanup raises
#> outer cleanup
# EXIT: 1
# STDERR: ValueError: from cleanup
def w():
    try:
        try:
            channel().recv()
        finally:
            print("cleanup raises")
            raise ValueError("from cleanup")
    finally:
        print("outer cleanup")
spawn w()
print("main done")
