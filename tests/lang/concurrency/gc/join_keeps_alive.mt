# TEST: a thread parked in join is kept alive by the joined thread (itself kept alive by its timer); gc() kills neither
#> gc done
#> b woke
#> a got 5
def b():
    sleep(0.02)
    print("b woke")
    return 5
def a(tb):
    try:
        print("a got", tb.join())
    except ThreadExit:
        print("a wrongly collected")
def setup():
    spawn a(spawn b())
setup()
sleep(0)
gc()
print("gc done")
