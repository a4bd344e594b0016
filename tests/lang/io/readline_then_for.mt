# TEST: for line in f continues from where readline left off
#> "a\n"
#> "b\n"
#> "c\n"
let path = "/tmp/mt_h2_io_readline_then_for.txt"
with open(path, "w") as f:
    f.write("a\nb\nc\n")
with open(path) as f:
    print(repr(f.readline()))
    for line in f:
        print(repr(line))
