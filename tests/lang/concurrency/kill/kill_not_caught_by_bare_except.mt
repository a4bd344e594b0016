# TEST: bare except and except Error never catch ThreadExit; the finally still runs
#> finally runs
#> joined nil
def worker():
    try:
        try:
            sleep(10)
        except:
            print("bare except caught it")
        try:
            sleep(10)
        except Error:
            print("except Error caught it")
        print("not reached")
    finally:
        print("finally runs")
let t = spawn worker()
sleep(0)
t.kill()
print("joined", t.join())
