# TEST: a thread that keeps yielding cannot starve a sleeper: expired timers join the queue before each pass
#> sleeper woke while spinner was yielding
#> spinner stopped
let woke = false
def sleeper():
    sleep(0.02)
    woke = true
def spinner():
    let n = 0
    while not woke:
        yield
        n += 1
    print("sleeper woke while spinner was yielding")
    print("spinner stopped")
spawn sleeper()
spawn spinner()
