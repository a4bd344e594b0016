# TEST: f.write of a non-string raises TypeError
#> TypeError
let path = "/tmp/mt_h2_io_write_non_string.txt"
with open(path, "w") as f:
    try:
        f.write(42)
    except TypeError as e:
        print("TypeError")
