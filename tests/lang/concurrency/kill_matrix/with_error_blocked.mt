# TEST: kill matrix: with entered by error, kill arrives blocked
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
class Mgr:
    def enter(self):
        return self
    def exit(self, err):
        print("cleanup begins")
        hold.recv()
        print("cleanup ends")
        return false
def worker():
    try:
        with Mgr():
            print("body")
            raise ValueError("boom")
        print("after block")
    except:
        print("a bare except caught an Error")
    return "normal return"
let t = spawn worker()
sleep(0)
t.kill()
hold.send(1)
print("join:", t.join())
print("main ends")
