# TEST: t.kill() does not wait: it makes ThreadExit pending and returns; the victim unwinds when its turn comes
#> worker sleeping
#> kill returned
#> still main
#> worker finally
#> joined nil
def worker():
    try:
        print("worker sleeping")
        sleep(5)
        print("not reached")
    finally:
        print("worker finally")
let t = spawn worker()
sleep(0)
t.kill()
print("kill returned")
print("still main")
print("joined", t.join())
