# TEST: \0 and \xNN escapes; strings may hold NUL characters, which count in len, compare and hash by full content
#> 3 "a\x00b" "\r" "A"
#> true
#> 1 false
let s = "a\0b"
print(len(s), repr(s), repr("\r"), repr("\x41"))
print(s == "a" + chr(0) + "b")
let m = {}
m[s] = 1
print(m["a\0b"], "a" in m)
