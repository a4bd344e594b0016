# TEST: killing a thread that waits for standard input runs its finally and takes it out of the poller; the program then ends without waiting for the input
# STDIN_CMD: sleep 5; echo late
# TIMEOUT: 4
#> waiting
#> reader cleanup
#> joined: nil
def reader():
    try:
        print("waiting")
        input()
        print("not reached")
    finally:
        print("reader cleanup")
let t = spawn reader()
sleep(0.1)
t.kill()
print("joined:", t.join())
