# TEST: kill matrix: finally entered by kill, kill arrives blocked
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
            gate.recv()
            print("body resumed")
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
sleep(0)
t.kill()
print("join:", t.join())
print("main ends")
