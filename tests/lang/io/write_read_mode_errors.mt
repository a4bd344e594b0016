# TEST: reading a file opened for writing, or writing one opened for reading, raises an Error
#> Error
#> Error
let path = "/tmp/mt_h2_io_write_read_mode_errors.txt"
with open(path, "w") as f:
    f.write("data\n")
    try:
        f.read()
    except Error as e:
        print("Error")
with open(path) as f:
    try:
        f.write("x")
    except Error as e:
        print("Error")
