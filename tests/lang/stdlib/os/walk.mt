# TEST: os.walk yields [dirpath, dirnames, filenames] top-down in name order; removing names from dirnames prunes; a missing top yields nothing
#> BASE ["a", "b", "skip"] ["top.txt"]
#> BASE/a [] ["1.txt"]
#> BASE/b ["deep"] ["2.txt"]
#> BASE/b/deep [] ["3.txt"]
#> BASE/skip ["inner"] []
#> BASE/skip/inner [] ["4.txt"]
#> --
#> BASE/ ["a", "b", "skip"] ["top.txt"]
#> BASE/a [] ["1.txt"]
#> BASE/b ["deep"] ["2.txt"]
#> BASE/b/deep [] ["3.txt"]
#> [] Walker
#> 5 false
import os
let base = "/tmp/mt_os_walk_" + str(os.getpid())
os.mkdir(base + "/b/deep", parents=true)
os.mkdir(base + "/a", parents=true)
os.mkdir(base + "/skip/inner", parents=true)
for p in ["/top.txt", "/a/1.txt", "/b/2.txt", "/b/deep/3.txt", "/skip/inner/4.txt"]:
    with open(base + p, "w") as f:
        f.write(p)
for entry in os.walk(base):
    print(entry[0].replace(base, "BASE"), entry[1], entry[2])
print("--")
for entry in os.walk(base + "/"):
    print(entry[0].replace(base, "BASE"), entry[1], entry[2])
    if "skip" in entry[1]:
        entry[1].remove("skip")
print(list(os.walk(base + "/missing")), type(os.walk(base)))
let all = []
for entry in os.walk(base):
    for name in entry[2]:
        all.append(entry[0] + "/" + name)
for p in all:
    os.remove(p)
for d in ["/b/deep", "/b", "/a", "/skip/inner", "/skip", ""]:
    os.rmdir(base + d)
print(len(all), os.exists(base))
