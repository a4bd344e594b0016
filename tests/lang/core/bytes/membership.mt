# TEST: x in bytes: an int is a byte value (outside 0..255 simply not in), bytes are a run of bytes (b"" is in every one), other types raise TypeError
#> true true true true false false false false
#> true true true true false false false
#> 'in <bytes>' needs an int or bytes on the left, not str
#> 'in <bytes>' needs an int or bytes on the left, not float
#> 'in <bytes>' needs an int or bytes on the left, not nil
#> 'in <bytes>' needs an int or bytes on the left, not list
#> true false true false false
#> 'in <str>' needs a str on the left, not bytes
let b = b"a\x00\xffbc"
print(97 in b, 0 in b, 255 in b, 98 in b, 100 in b, 256 in b, -1 in b, 9223372036854775807 in b)
print(b"bc" in b, b"\x00\xff" in b, b"" in b, b"" in b"", b"cb" in b, b"a\x00\xffbcd" in b, 97 not in b)
for x in ["a", 97.0, nil, [97]]:
    try:
        print(x in b)
    except TypeError as e:
        print(e.message)
print(b"k" in [b"k"], "k" in [b"k"], b"k" in {b"k": 1}, "k" in {b"k": 1}, b"k" in {"k": 1})
try:
    print(b"a" in "abc")
except TypeError as e:
    print(e.message)
