# TEST: main is never given ThreadExit by the collector, even when gc() runs while only main holds things
#> main alive after gc
let ch = channel()
try:
    gc()
    gc()
    print("main alive after gc")
except ThreadExit:
    print("main got ThreadExit")
