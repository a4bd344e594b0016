# TEST: graphemes() splits into user-perceived characters: combining marks, flags, ZWJ emoji stay whole
#> 3 4
#> true
#> 2
#> 1 5
let s = "ae\u0301b"
let g = s.graphemes()
print(len(g), len(s))
print(g[1] == "e\u0301")
print(len("🇫🇷🇩🇪".graphemes()))
let fam = "👨‍👩‍👧"
print(len(fam.graphemes()), len(fam))
