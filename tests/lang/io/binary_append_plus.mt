# TEST: binary "ab" appends bytes at the end; "r+b" and "rb+" read and write bytes; "wb+" truncates
#> 5
#> b"start\x00more"
#> b"start"
#> b"START\x00more"
#> b"new" false
let path = "/tmp/mt_bytes_io_append.bin"
with open(path, "wb") as f:
    f.write(b"start")
with open(path, "ab") as f:
    print(f.write(b"\x00more"))
print(open(path, "rb").read())
with open(path, "r+b") as f:
    print(f.read(5))
with open(path, "rb+") as f:
    f.write(b"START")
print(open(path, "rb").read())
with open(path, "wb+") as f:
    f.write(b"new")
print(open(path, "rb").read(), open(path, "ab+").closed)
