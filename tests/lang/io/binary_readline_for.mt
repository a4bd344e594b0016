# TEST: binary readline() gives the bytes up to and including b"\n" (CR kept, the last line may lack it, b"" at the end); for line in a binary file gives the same lines as bytes
#> b"one\r\n" b"\xff\xfe\n" b"\n" b"last" b"" b""
#> [b"one\r\n", b"\xff\xfe\n", b"\n", b"last"] bytes
#> b"on" b"e\r\n" b"\xff\xfe\n\nlast"
#> 5001 10
#> 3 121
let path = "/tmp/mt_bytes_io_readline.bin"
with open(path, "wb") as f:
    f.write(b"one\r\n\xff\xfe\n\nlast")
with open(path, "rb") as f:
    print(f.readline(), f.readline(), f.readline(), f.readline(), f.readline(), f.readline())
let lines = []
for line in open(path, "rb"):
    lines.append(line)
print(lines, type(lines[0]))
with open(path, "rb") as f:
    print(f.read(2), f.readline(), f.read())
let long = b"x" * 5000 + b"\n" + b"y" * 3
with open(path, "wb") as f:
    f.write(long)
for line in open(path, "rb"):
    print(len(line), line[-1])
