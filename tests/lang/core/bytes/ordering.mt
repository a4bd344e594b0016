# TEST: bytes order bytewise (unsigned, a prefix first); sorted, min and max use it; ordering bytes against a str is a TypeError
#> true true true true true true true
#> [b"", b"B", b"a", b"a\x00", b"b", b"\xff"]
#> b"z" b"\x80" [b"c", b"a"]
#> '<' not supported between 'bytes' and 'str'
#> '<=' not supported between 'str' and 'bytes'
#> '>' not supported between 'bytes' and 'int'
#> cannot compare str with bytes
print(b"a" < b"b", b"ab" < b"abc", b"" < b"\x00", b"\x7f" < b"\x80", b"\xff" > b"\xfe\xff", b"abc" <= b"abc", b"b" >= b"abc")
print(sorted([b"b", b"\xff", b"", b"a\x00", b"a", b"B"]))
print(min([b"zz", b"z", b"za"]), max(b"m", b"\x80"), sorted([b"c", b"a"], reverse = true))
for f in [fn(): b"a" < "b", fn(): "a" <= b"b", fn(): b"a" > 1, fn(): sorted([b"a", "a"])]:
    try:
        print(f())
    except TypeError as e:
        print(e.message)
