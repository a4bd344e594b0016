# TEST: str, repr, print and f-strings of bytes all give the literal form b"..." (printable ASCII as itself, \" \\ \n \t \r, other bytes \xHH lower-case), also inside containers and with format specs
#> b"a\"b\\c\n\t\r\x00\x1f\x7f\x80\xff ~"
#> true b"a\"b\\c\n\t\r\x00\x1f\x7f\x80\xff ~" b"" [b"x", {b"k": b"v"}]
#> b"ok" b"ok" [   b"ok"] [b"ok"  ] [  b"ok"  ] [b"o]
#> 738 b"\x00\x01\x02\x03\x xfd\xfe\xff"
#> "b\"x\"" b"'" b"'"!
#> format 'd' does not apply to a bytes
let b = b"a\"b\\c\n\t\r\x00\x1f\x7f\x80\xff ~"
print(b)
print(str(b) == repr(b), repr(b), str(b""), [b"x", {b"k": b"v"}])
print(f"{b"ok"} {b"ok"!r} [{b"ok":>8}] [{b"ok":<7}] [{b"ok":^9}] [{b"ok":.3}]")
let all = bytes(range(256))
let text = repr(all)
print(len(text), text[:20], text[-12:])
print(repr("b\"x\""), repr(b"'"), str(b"'") + "!")
try:
    print(f"{b"x":d}")
except ValueError as e:
    print(e.message)
