# TEST: exit(0) ends the program with status 0 even while other threads are running, after their cleanup
#> bye
#> spinner cleanup
def spinner():
    try:
        while true:
            sleep(0.001)
    finally:
        print("spinner cleanup")
spawn spinner()
sleep(0.005)
print("bye")
exit(0)
print("not reached")
