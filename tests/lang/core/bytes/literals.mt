# TEST: bytes literals: escapes are raw bytes (\xHH is one byte), raw rb/br keeps backslashes, triple quotes, adjacent literals concatenate
#> 4 0 127 128 255 171
#> b"\n\t\r\x00\x07\x08\x0c\x0b\x1b\\'\"{}" 14
#> b"single" b"upper" b"" 0
#> b"\\x00\\n" 6 b"\\d" b"\\w" b"\\s" b"x"
#> b"abcdef" b"continued"
#> b"two\nlines" b"x"
#> b"~ !#" [b"in", b"list"]
let b = b"\x00\x7f\x80\xff"
print(len(b), b[0], b[1], b[2], b[3], b"\xAb"[0])
print(b"\n\t\r\0\a\b\f\v\e\\\'\"\{\}", len(b"\n\t\r\0\a\b\f\v\e\\\'\"\{\}"))
print(b'single', B"upper", b"", len(b""))
print(rb"\x00\n", len(rb"\x00\n"), br"\d", Rb"\w", bR"\s", BR"x")
print(b"ab" b"cd" b'ef', b"con\
tinued")
print(b"""two
lines""", b'''x''')
print(b"~ !#", [b"in", b"list"])
