# Text over a connection is UTF-8: read(n) never splits a character (a character longer
# than n comes whole), and invalid UTF-8 raises UnicodeError with the byte offset.
#> "a" "é" "€" "b"
#> "€b" "🎉"
#> UnicodeError invalid UTF-8 in 'PEER' at byte 3
#> read(): UnicodeError invalid UTF-8 in '<stdout of printf>' at byte 2
import net
import process
let server = net.listen("127.0.0.1", 0)
def sender(text):
    let c = server.accept()
    c.write(text)
    c.close()
spawn sender("aé€b")
let c = net.connect("127.0.0.1", server.port)
sleep(0.01)
print(repr(c.read(1)), repr(c.read(1)), repr(c.read(2)), repr(c.read(1)))
c.close()
spawn sender("€b🎉")
c = net.connect("127.0.0.1", server.port)
sleep(0.01)
print(repr(c.read(4)), repr(c.read(100)))
c.close()
# Invalid bytes, from printf through a pipe object (read like a connection):
let p = process.start(["printf", "abc\\377def\\n"], stdout="pipe")
try:
    p.stdout.readline()
except UnicodeError as e:
    print(type(e), e.message.replace("<stdout of printf>", "PEER"))
p.wait()
let q = process.start(["printf", "ab\\303"], stdout="pipe")
try:
    q.stdout.read()
except UnicodeError as e:
    print("read():", type(e), e.message)
q.wait()
