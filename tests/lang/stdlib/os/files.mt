# TEST: mkdir, listdir (sorted), exists/isdir/isfile, stat fields, rename, remove and rmdir in a fresh directory
#> true true false []
#> ["a.txt", "b.txt", "sub"] true false false
#> 6 false true float true StatResult
#> true false
#> ["a.txt", "c.txt", "sub"]
#> []
#> false
import os
let base = "/tmp/mt_os_files_" + str(os.getpid())
os.mkdir(base)
print(os.exists(base), os.isdir(base), os.isfile(base), os.listdir(base))
with open(base + "/b.txt", "w") as f:
    f.write("héllo")
with open(base + "/a.txt", "w") as f:
    f.write("")
os.mkdir(base + "/sub")
print(os.listdir(base), os.isfile(base + "/b.txt"), os.isdir(base + "/b.txt"), os.exists(base + "/nope"))
let st = os.stat(base + "/b.txt")
print(st.size, st.isdir, st.isfile, type(st.mtime), st.mode & 0o600 == 0o600, type(st))
print(os.stat(base + "/sub").isdir, os.stat(base + "/sub").isfile)
os.rename(base + "/b.txt", base + "/c.txt")
print(os.listdir(base))
os.remove(base + "/a.txt")
os.remove(base + "/c.txt")
os.rmdir(base + "/sub")
print(os.listdir(base))
os.rmdir(base)
print(os.exists(base))
