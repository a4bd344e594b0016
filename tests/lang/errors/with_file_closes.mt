# TEST: files return themselves from enter and close in exit, also when an error leaves the block
#> true
#> false
#> true
let path = "/tmp/mt_h2_with_file_closes.txt"
let keep = nil
with open(path, "w") as f:
    f.write("x")
    keep = f
print(keep.closed)
try:
    with open(path) as g:
        keep = g
        print(g.closed)
        raise ValueError("x")
except ValueError as e:
    print(keep.closed)
