# TEST: reads larger than the first 4 KiB buffer: read(n) of two-byte characters, then the rest
#> 6000 true
#> 4000 true
#> 0
let path = "/tmp/mt_io_read_large.txt"
with open(path, "w") as f:
    f.write("é" * 10000)
with open(path) as f:
    let head = f.read(6000)
    print(len(head), head == "é" * 6000)
    let rest = f.read()
    print(len(rest), rest == "é" * 4000)
    print(len(f.read()))
