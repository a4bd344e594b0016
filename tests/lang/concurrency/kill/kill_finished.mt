# TEST: killing a finished thread does nothing; join still returns its value
#> worker done
#> joined 7
#> joined again 7
def worker():
    print("worker done")
    return 7
let t = spawn worker()
sleep(0)
t.kill()
t.kill()
print("joined", t.join())
t.kill()
print("joined again", t.join())
