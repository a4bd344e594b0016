# TEST: strip, lstrip, rstrip remove whitespace or the given characters
#> [x y] [x y  ] [  x y]
#> [abc] [abcxx] [xxabc]
let s = "  x y  "
print("[" + s.strip() + "]", "[" + s.lstrip() + "]", "[" + s.rstrip() + "]")
let t = "xxabcxx"
print("[" + t.strip("x") + "]", "[" + t.lstrip("x") + "]", "[" + t.rstrip("x") + "]")
