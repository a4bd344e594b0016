# TEST: killing an already-unwinding thread does nothing: its cleanup runs once, to the end
#> cleanup start
#> second kill returned
#> cleanup end
#> outer finally
#> joined nil
let inside = channel(1)
def worker():
    try:
        try:
            sleep(10)
        finally:
            print("cleanup start")
            inside.send(1)
            sleep(0.02)
            print("cleanup end")
    finally:
        print("outer finally")
let t = spawn worker()
sleep(0)
t.kill()
inside.recv()
t.kill()
print("second kill returned")
print("joined", t.join())
