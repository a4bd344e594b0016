# TEST: writing a str to a binary file or bytes to a text file is a TypeError that says how to convert; other types are TypeErrors too; nothing is written
#> write() argument 1 must be bytes, not str ('/tmp/mt_bytes_io_mix.bin' is open in binary mode: encode the text with s.encode())
#> write() argument 1 must be bytes, not int ('/tmp/mt_bytes_io_mix.bin' is open in binary mode)
#> write() argument 1 must be bytes, not nil ('/tmp/mt_bytes_io_mix.bin' is open in binary mode)
#> write() argument 1 must be bytes, not list ('/tmp/mt_bytes_io_mix.bin' is open in binary mode)
#> write() argument 1 must be a str, not bytes ('/tmp/mt_bytes_io_mix.bin' is open in text mode: decode the bytes, or open it with "b")
#> write() argument 1 must be a str, not int
#> b""
let path = "/tmp/mt_bytes_io_mix.bin"
with open(path, "wb") as f:
    for data in ["text", 42, nil, [104]]:
        try:
            f.write(data)
        except TypeError as e:
            print(e.message)
with open(path, "a") as f:
    for data in [b"bytes", 42]:
        try:
            f.write(data)
        except TypeError as e:
            print(e.message)
print(open(path, "rb").read())
