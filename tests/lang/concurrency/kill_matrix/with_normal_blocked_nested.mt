# TEST: kill matrix: with entered by normal, kill arrives blocked, nested
#> body
#> cleanup begins
#> cleanup ends
#> outer cleanup
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
        try:
            with Mgr():
                print("body")
        finally:
            print("outer cleanup")
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
