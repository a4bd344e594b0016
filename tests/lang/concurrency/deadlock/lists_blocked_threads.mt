# TEST: the DeadlockError message lists every blocked thread and where each waits
#> caught DeadlockError
#> mentions main: true
#> mentions thread 2 recv at line 13: true
#> mentions thread 3 send at line 15: true
#> mentions thread 4 join at line 17: true
let a = channel()
let b = channel()
let c = channel()
let t2 = nil
def r():
    # waits in recv
    a.recv()
def s():
    b.send(1)
def j():
    t2.join()
t2 = spawn r()
spawn s()
spawn j()
try:
    c.recv()
except DeadlockError as e:
    print("caught", type(e))
    let m = e.message
    print("mentions main:", "main thread: waiting in recv at" in m and "lists_blocked_threads.mt:22" in m)
    print("mentions thread 2 recv at line 13:", "thread 2: waiting in recv at" in m and "lists_blocked_threads.mt:13" in m)
    print("mentions thread 3 send at line 15:", "thread 3: waiting in send at" in m and "lists_blocked_threads.mt:15" in m)
    print("mentions thread 4 join at line 17:", "thread 4: waiting in join at" in m and "lists_blocked_threads.mt:17" in m)
