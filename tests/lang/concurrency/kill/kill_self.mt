# TEST: current().kill() raises ThreadExit at once in the calling thread
#> before
#> finally
#> joined nil
def worker():
    try:
        print("before")
        current().kill()
        print("not reached")
    finally:
        print("finally")
    print("not reached either")
let t = spawn worker()
print("joined", t.join())
