# TEST: bytes: indexing gives ints (negative from the end), IndexError and TypeError messages, slicing with negative and clamped bounds gives bytes
#> 104 111 111 104 int
#> b"el" b"he" b"lo" b"llo" b"hell" b"hello" b"" b"hello" b"hello"
#> true bytes 0
#> IndexError bytes index 5 out of range (length 5)
#> IndexError bytes index -6 out of range (length 5)
#> b""
#> IndexError bytes index 0 out of range (length 0)
#> TypeError bytes indices must be integers, not str
#> TypeError bytes indices must be integers, not float
#> TypeError slice indices must be integers or nil, not str
#> TypeError slice indices must be integers or nil, not float
#> 255 0 b"\x80\x81\x82" 256
let b = b"hello"
print(b[0], b[4], b[-1], b[-5], type(b[0]))
print(b[1:3], b[:2], b[3:], b[-3:], b[:-1], b[-100:100], b[4:1], b[:], b[nil:nil])
print(b[1:3] == b"el", type(b[0:0]), len(b[10:]))
for f in [fn(): b[5], fn(): b[-6], fn(): b"", fn(): b""[0], fn(): b["0"], fn(): b[1.0], fn(): b["a":], fn(): b[0:1.5]]:
    try:
        print(repr(f()))
    except Error as e:
        print(type(e), e.message)
let big = bytes(range(256))
print(big[255], big[-256], big[128:131], len(big))
