# TEST: for over a string yields one code point at a time
#> ["a", "é", "😀", "日"]
let out = []
for c in "aé😀日":
    out.append(c)
print(out)
