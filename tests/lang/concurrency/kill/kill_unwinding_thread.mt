# TEST: killing an already-unwinding thread does nothing: its cleanup runs once, to the end
#> cleanup start
#> second kill returned
#> cleanup end
#> outer finally
#> joined nil
def worker():
    try:
        try:
            sleep(10)
        finally:
            print("cleanup start")
            sleep(0.02)
            print("cleanup end")
    finally:
        print("outer finally")
let t = spawn worker()
sleep(0)
t.kill()
sleep(0.005)
t.kill()
print("second kill returned")
print("joined", t.join())
