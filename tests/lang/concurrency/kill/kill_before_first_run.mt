# TEST: a thread killed before it first runs never runs
#> killed
#> joined nil
#> alive false
def worker():
    try:
        print("worker ran")
    finally:
        print("worker finally")
let t = spawn worker()
t.kill()
print("killed")
print("joined", t.join())
print("alive", t.alive)
