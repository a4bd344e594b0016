# TEST: a thread that catches ThreadExit and returns normally has ended normally: join returns its value
#> caught ThreadExit
#> joined recovered
def worker():
    try:
        sleep(10)
    except ThreadExit as e:
        print("caught", type(e))
    return "recovered"
let t = spawn worker()
sleep(0)
t.kill()
print("joined", t.join())
