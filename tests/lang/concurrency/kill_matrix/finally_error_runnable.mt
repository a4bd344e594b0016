# TEST: kill matrix: finally entered by error, kill arrives runnable
# EXIT: 1
# STDERR: ignored while ThreadExit unwinds the thread:
# STDERR: ValueError: boom
#> body
#> cleanup begins
#> cleanup ends
#> join: nil
#> main ends
let gate = channel()
let hold = channel()
def worker():
    try:
        try:
            print("body")
            raise ValueError("boom")
        finally:
            print("cleanup begins")
            sleep(0)
            print("cleanup ends")
        print("after block")
    except:
        print("a bare except caught an Error")
    return "normal return"
let t = spawn worker()
sleep(0)
t.kill()
print("join:", t.join())
print("main ends")
