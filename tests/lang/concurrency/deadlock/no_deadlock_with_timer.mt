# TEST: a pending timer is a wake-up source: main blocked while a sleeper will send is not a deadlock
#> got late
let ch = channel()
def late():
    sleep(0.02)
    ch.send("late")
spawn late()
print("got", ch.recv())
