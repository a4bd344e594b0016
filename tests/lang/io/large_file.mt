# TEST: writing and reading back 10,000 lines keeps every line in order
#> 10000
#> line 0
#> line 9999
let path = "/tmp/mt_h2_io_large_file.txt"
with open(path, "w") as f:
    for i in range(10000):
        f.write("line " + str(i) + "\n")
let n = 0
let first = nil
let last = nil
with open(path) as f:
    for line in f:
        if first == nil:
            first = line
        last = line
        n += 1
print(n)
print(first.strip())
print(last.strip())
