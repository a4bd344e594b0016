# TEST: kill matrix: finally entered by normal, kill arrives twice, nested, cleanup raises
# EXIT: 1
# STDERR: ignored while ThreadExit unwinds the thread:
# STDERR: ValueError: cleanup failed
#> body
#> cleanup begins
#> outer cleanup
#> join: nil
#> main ends
let gate = channel()
let hold = channel()
def worker():
    try:
        try:
            try:
                print("body")
            finally:
                print("cleanup begins")
                hold.recv()
                raise ValueError("cleanup failed")
                print("cleanup ends")
        finally:
            print("outer cleanup")
        print("after block")
    except:
        print("a bare except caught an Error")
    return "normal return"
let t = spawn worker()
sleep(0)
t.kill()
t.kill()
hold.send(1)
print("join:", t.join())
print("main ends")
