# select waits on a server (a connection to accept) and a connection (data to read).
#> server readable
#> connection readable: "hi\n"
#> at the end: ""
import net

let srv = net.listen("127.0.0.1", 0)
let waited = 0
def client():
    sleep(0.05)
    let c = net.connect("127.0.0.1", srv.port)
    sleep(0.05)
    c.write("hi\n")
    c.close()
spawn client()
select:
    case srv.readable():
        print("server readable")
let conn = srv.accept()
select:
    case conn.readable():
        print("connection readable:", repr(conn.readline()))
select:
    case conn.readable():
        print("at the end:", repr(conn.readline()))
conn.close()
srv.close()
