# TEST: cwd() is absolute; chdir changes where relative paths point; getpid is a positive int (in a directory under /tmp)
#> true int true
#> true []
#> true ["here.txt"] true
import os
import path
let start = os.cwd()
print(path.isabs(start), type(os.getpid()), os.getpid() > 0)
let d = "/tmp/mt_os_cwd_" + str(os.getpid())
os.mkdir(d)
os.chdir(d)
print(os.cwd() == d, os.listdir())
with open("here.txt", "w") as f:
    f.write("x")
os.chdir(start)
print(os.cwd() == start, os.listdir(d), os.isfile(d + "/here.txt"))
os.remove(d + "/here.txt")
os.rmdir(d)
