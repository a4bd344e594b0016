# TEST: kill matrix: with entered by normal, kill arrives in_transit
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
        print("after block")
    except:
        print("a bare except caught an Error")
    return "normal return"
let t = spawn worker()
sleep(0)
hold.send(1)
t.kill()
print("join:", t.join())
print("main ends")
