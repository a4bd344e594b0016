# TEST: writing or reading a closed file raises an Error; closed reports it; closing twice is harmless
#> false
#> true
#> Error on write
#> Error on read
#> ok
let path = "/tmp/mt_h2_io_closed_file_ops.txt"
let f = open(path, "w")
print(f.closed)
f.close()
print(f.closed)
try:
    f.write("x")
except Error as e:
    print("Error on write")
let g = open(path)
g.close()
try:
    g.read()
except Error as e:
    print("Error on read")
g.close()
print("ok")
