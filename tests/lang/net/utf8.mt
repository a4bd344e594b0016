# Lines over a connection are UTF-8 text: readline and `for line in conn` give str (invalid
# UTF-8 raises UnicodeError with the byte offset); read(n) gives bytes, which may end
# inside a character, and writes take str or bytes.
#> b"a" b"\xc3" b"\xa9\xe2" b"\x82"
#> "aé€b" true
#> "€b🎉\n" b"\xff\x00"
#> UnicodeError invalid UTF-8 in 'PEER' at byte 3
#> process.run: UnicodeError invalid UTF-8 at byte 2
import net
import process
let server = net.listen("127.0.0.1", 0)
def sender(parts):
    let c = server.accept()
    for part in parts:
        c.write(part)
    c.close()
spawn sender(["aé€b"])
let c = net.connect("127.0.0.1", server.port)
sleep(0.01)
let got = [c.read(1), c.read(1), c.read(2), c.read(1)]
print(repr(got[0]), repr(got[1]), repr(got[2]), repr(got[3]))
print(repr((got[0] + got[1] + got[2] + got[3] + c.read()).decode()), c.read() == b"")
c.close()
spawn sender(["€b🎉\n", b"\xff\x00"])
c = net.connect("127.0.0.1", server.port)
sleep(0.01)
print(repr(c.readline()), repr(c.read(100)))
c.close()
# Invalid bytes, from printf through a pipe object (read like a connection):
let p = process.start(["printf", "abc\\377def\\n"], stdout="pipe")
try:
    p.stdout.readline()
except UnicodeError as e:
    print(type(e), e.message.replace("<stdout of printf>", "PEER"))
p.wait()
try:
    process.run(["printf", "ab\\303"], capture=true)
except UnicodeError as e:
    print("process.run:", type(e), e.message)
