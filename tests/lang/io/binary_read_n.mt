# TEST: binary read(n) reads at most n bytes (not code points: it may split a UTF-8 sequence), read(0) is b"", and b"" at the end
#> b"a\xc3" b"" b"\xa9" b"\xe2\x82\xac" b"\n" b"" b""
#> [b"a\xc3\xa9", b"\xe2\x82\xac", b"\n"] aé€
#>
#> 9000 1004 b""
#> read() argument 1 must be an int, not str
let path = "/tmp/mt_bytes_io_read_n.bin"
with open(path, "w") as f:
    f.write("aé€\n")
with open(path, "rb") as f:
    print(f.read(2), f.read(0), f.read(1), f.read(3), f.read(100), f.read(5), f.read(nil))
with open(path, "rb") as f:
    let chunks = []
    let chunk = f.read(3)
    while chunk:
        chunks.append(chunk)
        chunk = f.read(3)
    print(chunks, b"".join(chunks).decode())
let big = bytes(10000) + b"tail"
with open(path, "wb") as f:
    f.write(big)
with open(path, "rb") as f:
    print(len(f.read(9000)), len(f.read(5000)), f.read(1))
with open(path, "rb") as f:
    try:
        f.read("3")
    except TypeError as e:
        print(e.message)
