# connect: a refused connection is a ConnectionError, a connect that does not finish in
# time a TimeoutError (a listener with a full backlog drops new handshakes); both are
# IOErrors, and a failed connect leaves no socket behind.
#> ConnectionError cannot connect to 127.0.0.1:PORT: Connection refused
#> is IOError: true
#> TimeoutError cannot connect to 127.0.0.1:PORT: timed out
#> is IOError: true
#> kept 1
import net
let closed = net.listen("127.0.0.1", 0)
let port = closed.port
closed.close()
try:
    net.connect("127.0.0.1", port)
except ConnectionError as e:
    print(type(e), e.message.replace(str(port), "PORT"))
    print("is IOError:", isinstance(e, IOError))
let full = net.listen("127.0.0.1", 0, backlog=0)
let kept = []
try:
    for i in range(10):
        kept.append(net.connect("127.0.0.1", full.port, timeout=0.2))
except TimeoutError as e:
    print(type(e), e.message.replace(str(full.port), "PORT"))
    print("is IOError:", isinstance(e, IOError))
print("kept", len(kept))
