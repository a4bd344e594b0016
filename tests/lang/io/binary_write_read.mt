# TEST: binary mode: "wb" writes bytes as they are (any byte, NUL and CR too) and returns the count; "rb" read() gives them back as bytes; b"" at the end
#> 262 0 1
#> bytes 263 true b"" b""
#> b"h\xc3\xa9llo\n" "héllo\n" true
let path = "/tmp/mt_bytes_io_write_read.bin"
let data = bytes(range(256)) + b"\r\n\x00end"
with open(path, "wb") as f:
    print(f.write(data), f.write(b""), f.write(b"\n"))
with open(path, "rb") as f:
    let back = f.read()
    print(type(back), len(back), back == data + b"\n", repr(f.read()), repr(f.readline()))
with open(path, "wb") as f:
    f.write("héllo\n".encode())
print(open(path, "rb").read(), repr(open(path).read()), open(path, "rb").read().decode() == open(path).read())
