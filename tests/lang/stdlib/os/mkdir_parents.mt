# TEST: mkdir(parents=true) makes every missing directory and accepts an existing one; without it a missing parent or an existing directory is an error
#> true
#> ["c", "d"]
#> FileNotFoundError cannot make directory 'BASE/x/y': No such file or directory
#> IOError cannot make directory 'BASE/a': File exists
#> IOError cannot make directory 'BASE/file/z': Not a directory
#> IOError cannot make directory 'BASE/file': File exists
#> false
import os
let base = "/tmp/mt_os_parents_" + str(os.getpid())
os.mkdir(base + "/a/b/c", parents=true)
print(os.isdir(base + "/a/b/c"))
os.mkdir(base + "/a/b/c", parents=true)
os.mkdir(base + "/a/b//d/", true)
print(os.listdir(base + "/a/b"))
try:
    os.mkdir(base + "/x/y")
except FileNotFoundError as e:
    print(type(e), e.message.replace(base, "BASE"))
try:
    os.mkdir(base + "/a")
except IOError as e:
    print(type(e), e.message.replace(base, "BASE"))
with open(base + "/file", "w") as f:
    f.write("x")
try:
    os.mkdir(base + "/file/z", parents=true)
except IOError as e:
    print(type(e), e.message.replace(base, "BASE"))
try:
    os.mkdir(base + "/file", parents=true)
except IOError as e:
    print(type(e), e.message.replace(base, "BASE"))
os.remove(base + "/file")
os.rmdir(base + "/a/b/d")
os.rmdir(base + "/a/b/c")
os.rmdir(base + "/a/b")
os.rmdir(base + "/a")
os.rmdir(base)
print(os.exists(base))
