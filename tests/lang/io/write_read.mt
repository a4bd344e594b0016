# TEST: write a file with open(path, "w") and f.write, read it all back with read()
#> "alpha\nbeta\n"
let path = "/tmp/mt_h2_io_write_read.txt"
with open(path, "w") as f:
    f.write("alpha\n")
    f.write("beta\n")
with open(path) as f:
    print(repr(f.read()))
