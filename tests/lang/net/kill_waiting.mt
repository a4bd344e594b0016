# Threads waiting in accept(), readline() and connect's wait are killed like threads
# waiting on a channel: their finally blocks run. Closing a connection or a server from
# another thread wakes the thread waiting on it with an IOError.
#> acceptor finally
#> reader finally
#> joined nil nil
#> closed under the reader: IOError readline() on a closed connection
#> closed under the acceptor: IOError accept() on a closed server
import net
let server = net.listen("127.0.0.1", 0)
let lonely = net.listen("127.0.0.1", 0)   # no client ever comes
def acceptor(s):
    try:
        s.accept()
    finally:
        print("acceptor finally")
def reader(c):
    try:
        c.readline()
    finally:
        print("reader finally")
let a = spawn acceptor(lonely)
let c = net.connect("127.0.0.1", server.port)
let kept = server.accept()
let r = spawn reader(c)
sleep(0.01)
a.kill()
r.kill()
print("joined", a.join(), r.join())
def catching_reader(c):
    try:
        c.readline()
    except IOError as e:
        print("closed under the reader:", type(e), e.message)
def catching_acceptor(s):
    try:
        s.accept()
    except IOError as e:
        print("closed under the acceptor:", type(e), e.message)
let r2 = spawn catching_reader(c)
sleep(0.01)
c.close()
r2.join()
let a2 = spawn catching_acceptor(lonely)
sleep(0.01)
lonely.close()
a2.join()
