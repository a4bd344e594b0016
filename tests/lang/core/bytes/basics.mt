# TEST: bytes basics: type() is "bytes", len counts bytes, b"" is false and any other bytes true, bytes are not callable, and literals work as defaults and loop constants
#> bytes true 2 1 0 1
#> false true true default 1
#> non-empty is true
#> b"default!" b"given!" b"!"
#> true false
#> 'bytes' is not callable
let b = "é".encode()
print(type(b), type(b) == "bytes", len(b), len("é"), len(b""), len(b"\x00"))
print(bool(b""), bool(b"\x00"), not b"", b"" or "default", b"x" and 1)
if b"":
    print("WRONG")
elif b"0":
    print("non-empty is true")
def f(data = b"default"):
    return data + b"!"
print(f(), f(b"given"), f(data = b""))
let same = []
for i in range(3):
    same.append(b"const")
print(same[0] == same[2], isinstance(b"", Error))
try:
    b"x"()
except TypeError as e:
    print(e.message)
