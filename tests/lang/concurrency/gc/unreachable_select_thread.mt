# TEST: a thread parked in a select on unreachable channels (no timer) is collected; its finally runs
#> gc done
#> select thread cleanup
def w():
    let x = channel()
    let y = channel()
    try:
        select:
            case x.recv() as v:
                print("x")
            case y.send(1):
                print("y")
    finally:
        print("select thread cleanup")
spawn w()
sleep(0)
gc()
print("gc done")
sleep(0)
