# TEST: main blocked on a channel with no other thread and no timer: DeadlockError in main, uncaught => status 1
#> before
# EXIT: 1
# STDERR: DeadlockError
# STDERR_RE: main thread: waiting in recv at [^ ]*main_recv_alone\.mt:8
let ch = channel()
print("before")
ch.recv()
print("not reached")
