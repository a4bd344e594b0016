# TEST: f.read(n) reads at most n characters (code points); then the rest; then ""
#> "aé" "\nbc\n" ""
let path = "/tmp/mt_h2_io_read_n.txt"
with open(path, "w") as f:
    f.write("aé\nbc\n")
with open(path) as f:
    print(repr(f.read(2)), repr(f.read(100)), repr(f.read(1)))
