# IPv6: listening on ::1 and connecting to it; "" listens on every interface (one
# dual-stack socket), where IPv4 clients appear with their IPv4 address.
#> [::1] true
#> echo over IPv6: "six\n"
#> dual-stack server local: [::]
#> IPv4 client seen as: 127.0.0.1
import net
let s6 = net.listen("::1", 0)
print(s6.local.split("]:")[0] + "]", s6.local == "[::1]:" + str(s6.port))
def echo_once(s):
    let c = s.accept()
    c.write(c.readline())
    c.close()
spawn echo_once(s6)
let c = net.connect("::1", s6.port)
c.write("six\n")
print("echo over IPv6:", repr(c.readline()))
c.close()
let any = net.listen("", 0)
print("dual-stack server local:", any.local.split("]:")[0] + "]")
def peer_of(s, ch):
    let c = s.accept()
    ch.send(c.peer)
    c.close()
let ch = channel(1)
spawn peer_of(any, ch)
let c4 = net.connect("127.0.0.1", any.port)
print("IPv4 client seen as:", ch.recv().split(":")[0])
c4.close()
