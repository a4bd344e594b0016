# TEST: type() of an open file is "file"
#> file
let path = "/tmp/mt_h2_io_type_file.txt"
with open(path, "w") as f:
    print(type(f))
