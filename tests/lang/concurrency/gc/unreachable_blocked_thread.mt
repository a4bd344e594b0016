# TEST: a thread blocked forever on a channel nobody else can reach is collected by gc(); it gets ThreadExit and its finally runs
#> gc done
#> worker cleanup ThreadExit
#> main continues
def worker():
    let ch = channel()
    try:
        ch.recv()
    except ThreadExit as e:
        print("worker cleanup", type(e))
        raise
spawn worker()
sleep(0)
gc()
print("gc done")
sleep(0)
print("main continues")
