# TEST: any thread may kill another; the killer continues, the victim unwinds at its suspension point
#> killer: killing
#> killer: done
#> victim finally
#> victim joined nil
let victim = nil
def v():
    try:
        while true:
            sleep(0.001)
    finally:
        print("victim finally")
def killer():
    sleep(0.01)
    print("killer: killing")
    victim.kill()
    print("killer: done")
victim = spawn v()
spawn killer()
print("victim joined", victim.join())
