# TEST: a parked thread is not kept alive by its handle: holding t does not stop the collector; join then returns nil
#> alive before gc true
#> cleanup
#> joined nil
#> alive false
def worker():
    try:
        channel().recv()
    finally:
        print("cleanup")
let t = spawn worker()
sleep(0)
print("alive before gc", t.alive)
gc()
print("joined", t.join())
print("alive", t.alive)
