# TEST: a recv that becomes ready before the timer wins; the timer case does not run
#> got early
let ch = channel()
def early():
    sleep(0.005)
    ch.send("early")
spawn early()
select:
    case ch.recv() as v:
        print("got", v)
    case after(1):
        print("timeout")
