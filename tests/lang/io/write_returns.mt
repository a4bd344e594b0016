# TEST: the file written in one with block is complete when the block ends (closed and flushed by exit)
#> "done\n"
let path = "/tmp/mt_h2_io_write_returns.txt"
with open(path, "w") as f:
    f.write("done\n")
let r = open(path)
print(repr(r.read()))
r.close()
