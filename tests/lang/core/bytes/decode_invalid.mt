# TEST: decoding ill-formed UTF-8: strict raises UnicodeError at the offset of the first bad byte; replace puts one U+FFFD per maximal ill-formed part (as Python), also after long ASCII runs; ignore drops them; NUL is fine
#> invalid UTF-8 at byte 0 "�" ""
#> invalid UTF-8 at byte 2 "ab�" "ab"
#> invalid UTF-8 at byte 0 "��" ""
#> invalid UTF-8 at byte 0 "��" ""
#> invalid UTF-8 at byte 0 "���" ""
#> invalid UTF-8 at byte 0 "�" ""
#> invalid UTF-8 at byte 0 "���" ""
#> invalid UTF-8 at byte 0 "����" ""
#> invalid UTF-8 at byte 0 "����" ""
#> invalid UTF-8 at byte 0 "��" ""
#> invalid UTF-8 at byte 0 "�" ""
#> invalid UTF-8 at byte 3 "€�" "€"
#> invalid UTF-8 at byte 0 "�" ""
#> invalid UTF-8 at byte 1 "a�b" "ab"
#> invalid UTF-8 at byte 0 "�" ""
#> invalid UTF-8 at byte 0 "�(" "("
#> invalid UTF-8 at byte 7 "ok€ok��" "ok€ok"
#> invalid UTF-8 at byte 16 "0123456789abcdef�" "0123456789abcdef"
#> invalid UTF-8 at byte 20 "0123456789abcdefg€� tail" "0123456789abcdefg€ tail"
#> "\x00a\x00" true
#> caught as ValueError: UnicodeError
let cases = [b"\x80", b"ab\xff", b"\xc0\xaf", b"\xc1\xbf", b"\xe0\x80\x80", b"\xe0\xa0", b"\xed\xa0\x80", b"\xf0\x80\x80\x80", b"\xf4\x90\x80\x80", b"\xf5\x80", b"\xe2\x82", b"\xe2\x82\xac\xe2", b"\xf0\x9f\x98", b"a\xf0\x9f\x98b", b"\xc3", b"\xc3\x28", b"ok\xe2\x82\xacok\x80\x80", b"0123456789abcdef\xff", b"0123456789abcdefg\xe2\x82\xac\xe2\x82 tail"]
for c in cases:
    let strict = nil
    try:
        strict = c.decode()
    except UnicodeError as e:
        strict = e.message
    print(strict, repr(c.decode(errors = "replace")), repr(c.decode(errors = "ignore")))
print(repr(b"\x00a\x00".decode()), isinstance(UnicodeError(), ValueError))
try:
    b"\xff".decode()
except ValueError as e:
    print("caught as ValueError:", type(e))
