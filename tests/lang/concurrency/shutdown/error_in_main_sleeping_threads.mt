# TEST: an error in main kills threads that are sleeping or runnable too (not only blocked ones)
#> sleeper cleanup
#> spinner cleanup
# EXIT: 1
# UNORDERED: yes
# STDERR: ValueError: main failed
def sleeper():
    try:
        sleep(10)
    finally:
        print("sleeper cleanup")
def spinner():
    try:
        while true:
            yield
    finally:
        print("spinner cleanup")
spawn sleeper()
spawn spinner()
sleep(0.005)
raise ValueError("main failed")
