# TEST: f.flush() makes written data visible to a second handle before close
#> "abc"
let path = "/tmp/mt_h2_io_flush.txt"
let w = open(path, "w")
w.write("abc")
w.flush()
let r = open(path)
print(repr(r.read()))
r.close()
w.close()
