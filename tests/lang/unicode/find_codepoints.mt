# TEST: find and index return code-point positions
#> 2 2 -1
let s = "日本語です"
print(s.find("語"), s.index("語"), s.find("x"))
