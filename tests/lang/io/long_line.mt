# TEST: a single line longer than any internal buffer is read whole by readline
#> 100001
#> true
let path = "/tmp/mt_h2_io_long_line.txt"
let big = "x" * 100000
with open(path, "w") as f:
    f.write(big + "\n")
    f.write("tail\n")
with open(path) as f:
    let l = f.readline()
    print(len(l))
    print(f.readline() == "tail\n")
