# A peer that resets the connection while a thread writes to it: the write raises
# ConnectionError in that thread only; the other threads go on (the ticker finishes, the
# second connection still echoes).
#> writer: ConnectionError true
#> other connection still works: "ping\n"
#> ticker finished
import net
let server = net.listen("127.0.0.1", 0)
def rude():
    # Reads a little and closes with unread data: the system answers with a reset.
    let c = server.accept()
    c.read(10)
    c.close()
def polite():
    let c = server.accept()
    c.write(c.readline())
    c.close()
def writer():
    let c = net.connect("127.0.0.1", server.port)
    let chunk = "x" * 65536
    try:
        for i in range(1000):
            c.write(chunk)
        print("writer: wrote everything?")
    except ConnectionError as e:
        print("writer:", type(e), e.message.startswith("error writing '127.0.0.1:"))
    finally:
        c.close()
def ticker():
    for i in range(5):
        sleep(0.01)
    print("ticker finished")
spawn rude()
let w = spawn writer()
let tk = spawn ticker()
w.join()
spawn polite()
let c = net.connect("127.0.0.1", server.port)
c.write("ping\n")
print("other connection still works:", repr(c.readline()))
tk.join()
