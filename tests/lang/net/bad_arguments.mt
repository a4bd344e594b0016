# Every bad argument of the net module raises the documented error with its exact message.
#> TypeError: listen() argument 1 must be a str, not int
#> TypeError: listen() argument 2 must be an int, not str
#> ValueError: listen(): port must be 0-65535, not -1
#> ValueError: listen(): port must be 0-65535, not 65536
#> TypeError: listen() argument 3 must be an int, not float
#> ValueError: listen(): backlog must be 0-65535, not -1
#> ValueError: listen(): host contains a NUL byte
#> TypeError: listen() argument 3 must be an int, not str
#> TypeError: net.listen() takes at least 2 arguments but 0 were given
#> TypeError: connect() argument 1 must be a str, not nil
#> ValueError: connect(): port must be 1-65535, not 0
#> ValueError: connect(): port must be 1-65535, not 70000
#> TypeError: connect() argument 3 must be a number or nil, not str
#> ValueError: connect(): timeout must be a number >= 0
#> ValueError: connect(): timeout must be a number >= 0
#> TypeError: connect() missing required argument 'host'
#> IOError true
#> ValueError: read(): n must be at least 1, not 0
#> ValueError: read(): n must be at least 1, not -5
#> TypeError: read() argument 1 must be an int, not str
#> TypeError: write() argument 1 must be str or bytes, not int
#> TypeError: write() takes 1 argument but 0 were given
#> TypeError: readline() takes 0 arguments but 1 was given
#> IOError: read() on a closed connection
#> IOError: readline() on a closed connection
#> IOError: write() on a closed connection
#> no error
#> IOError: accept() on a closed server
#> no error
import net
def show(f):
    try:
        f()
        print("no error")
    except Error as e:
        print(type(e) + ": " + e.message)
show(fn(): net.listen(1, 0))
show(fn(): net.listen("127.0.0.1", "80"))
show(fn(): net.listen("127.0.0.1", -1))
show(fn(): net.listen("127.0.0.1", 65536))
show(fn(): net.listen("127.0.0.1", 0, 1.5))
show(fn(): net.listen("127.0.0.1", 0, -1))
show(fn(): net.listen("127.0.0.1\0", 0))
show(fn(): net.listen("127.0.0.1", 0, backlog="x"))
show(fn(): net.listen())
show(fn(): net.connect(nil, 80))
show(fn(): net.connect("127.0.0.1", 0))
show(fn(): net.connect("127.0.0.1", 70000))
show(fn(): net.connect("127.0.0.1", 80, "1"))
show(fn(): net.connect("127.0.0.1", 80, -1))
show(fn(): net.connect("127.0.0.1", 80, timeout=float("nan")))
show(fn(): net.connect())
try:
    net.connect("no such host.invalid", 80)
except IOError as e:
    print(type(e), e.message.startswith("cannot resolve 'no such host.invalid': "))
let server = net.listen("127.0.0.1", 0)
let c = net.connect("127.0.0.1", server.port)
let s = server.accept()
show(fn(): c.read(0))
show(fn(): c.read(-5))
show(fn(): c.read("1"))
show(fn(): c.write(5))
show(fn(): c.write())
show(fn(): c.readline(1))
c.close()
show(fn(): c.read(1))
show(fn(): c.readline())
show(fn(): c.write("x"))
show(fn(): c.close())
server.close()
show(fn(): server.accept())
show(fn(): server.close())
s.close()
