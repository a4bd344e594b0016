# TEST: read() after readline returns the rest; read() at the end returns ""
#> "l1\n"
#> "l2\nl3\n"
#> ""
let path = "/tmp/mt_h2_io_read_rest.txt"
with open(path, "w") as f:
    f.write("l1\nl2\nl3\n")
with open(path) as f:
    print(repr(f.readline()))
    print(repr(f.read()))
    print(repr(f.read()))
