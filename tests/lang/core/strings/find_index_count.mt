# TEST: find returns the index or -1 (with optional start); index raises ValueError; count counts non-overlapping
#> 4 7 -1 0
#> 6
#> ValueError
#> 2 0 2
let s = "hello world"
print(s.find("o"), s.find("o", 5), s.find("z"), s.find(""))
print(s.index("w"))
try:
    s.index("zz")
except ValueError as e:
    print("ValueError")
print(s.count("o"), s.count("q"), "aaaa".count("aa"))
