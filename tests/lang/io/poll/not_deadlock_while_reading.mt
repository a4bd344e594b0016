# TEST: main waiting for input while every other thread is blocked on a channel is not a deadlock
# STDIN_CMD: sleep 0.3; echo go
#> line: go
#> worker got go
let ch = channel()
def worker():
    print("worker got", ch.recv())
let t = spawn worker()
let line = input()
print("line:", line)
ch.send(line)
t.join()
