# TEST: after exit(n), a cleanup that blocks forever gets ThreadExit at that point; the status stays n
#> exiting
#> cleanup blocks
#> outer cleanup
# EXIT: 4
def w():
    try:
        try:
            channel().recv()
        finally:
            print("cleanup blocks")
            channel().send(1)
            print("not reached")
    finally:
        print("outer cleanup")
spawn w()
sleep(0)
print("exiting")
exit(4)
