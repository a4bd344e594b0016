# TEST: exit() while another thread waits for input: shutdown kills it where it waits, its finally runs, the status is exit's
# STDIN_CMD: sleep 5; echo late
# TIMEOUT: 4
# EXIT: 3
#> reader cleanup
def reader():
    try:
        input()
    finally:
        print("reader cleanup")
spawn reader()
sleep(0.1)
exit(3)
