# A thread killed while it waits in the middle of a write (the peer does not read): its
# finally runs; after the collector ran, another thread can still write to the
# connection: the reader gets part of the killed writer's text, then the other's line.
# GC_STRESS: skip
#> writer finally
#> got part of the x: true then "done\n"
import net
let server = net.listen("127.0.0.1", 0)
let c = net.connect("127.0.0.1", server.port)
let peer = server.accept()
def writer():
    try:
        c.write("x" * 20000000 + "\n")
    finally:
        print("writer finally")
let w = spawn writer()
sleep(0.02)
w.kill()
w.join()
w = nil
gc()
def second():
    c.write("done\n")
let t = spawn second()
let line = peer.readline()
let k = len(line) - 5
print("got part of the x:", 0 < k and k < 20000000 and line[:k] == "x" * k, "then", repr(line[k:]))
t.join()
