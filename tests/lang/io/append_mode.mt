# TEST: mode "a" appends; mode "w" truncates
#> "first\nsecond\n"
#> "fresh\n"
let path = "/tmp/mt_h2_io_append_mode.txt"
with open(path, "w") as f:
    f.write("first\n")
with open(path, "a") as f:
    f.write("second\n")
with open(path) as f:
    print(repr(f.read()))
with open(path, "w") as f:
    f.write("fresh\n")
with open(path) as f:
    print(repr(f.read()))
