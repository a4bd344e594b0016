# TEST: s.encode() gives UTF-8 bytes and b.decode() the str back; encoding names (utf-8 in any case, utf8, utf_8) and keywords; other encodings are a ValueError naming them
#> b"h\xc3\xa9llo, \xe4\xb8\x96\xe7\x95\x8c \xf0\x9f\x98\x80\x00end" 15 23 true str
#> b"" true b"x" b"x" b"x"
#> café café
#> ValueError encode(): unsupported encoding 'latin-1' (Mt text is UTF-8: use "utf-8")
#> ValueError encode(): unsupported encoding 'ascii' (Mt text is UTF-8: use "utf-8")
#> ValueError decode(): unsupported encoding 'utf-16' (Mt text is UTF-8: use "utf-8")
#> TypeError encode() argument 1 must be a str, not int
#> ValueError decode(): unknown errors 'bogus' (use "strict", "replace" or "ignore")
#> TypeError decode() argument 2 must be a str, not int
#> TypeError encode() takes at most 1 argument but 2 were given
#> 007fc280dfbfe0a080ed9fbfee8080efbfbdefbfbff0908080f48fbfbf true
let s = "héllo, 世界 😀\0end"
let b = s.encode()
print(b, len(s), len(b), b.decode() == s, type(b.decode()))
print("".encode(), b"".decode() == "", "x".encode("UTF-8"), "x".encode(encoding = "utf8"), "x".encode("Utf_8"))
print(b"caf\xc3\xa9".decode("utf-8"), b"caf\xc3\xa9".decode(encoding = "UTF8", errors = "strict"))
for f in [fn(): "x".encode("latin-1"), fn(): "x".encode("ascii"), fn(): b"x".decode("utf-16"), fn(): "x".encode(8), fn(): b"x".decode(errors = "bogus"), fn(): b"x".decode(errors = 1), fn(): "x".encode("utf-8", "strict")]:
    try:
        print(f())
    except Error as e:
        print(type(e), e.message)
let all = []
for cp in [0, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff]:
    all.append(chr(cp))
let text = "".join(all)
print(text.encode().hex(), text.encode().decode() == text)
