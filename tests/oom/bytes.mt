# Bytes: literals, operators, bytes(), encode/decode (all error modes), methods, repr, keys.
# (No files: the three drivers run this program at the same time.)
let b = "Hello, wörld! ".encode() * 3
print(b, len(b), b[1], b[-3:])
print(b + b"\x00\xff", b"ab" in b, 108 in b, b.find(b"w"), b.count(b"l"))
print(b.split(), b.split(b"o", 2), b"-".join(b.split()), b.hex()[:16])
print(b.decode(), b"ok\xff\xe2\x82".decode(errors = "replace"), b"ok\xff".decode(errors = "ignore"))
try:
    b"ok\xff".decode()
except UnicodeError as e:
    print(e.message)
print(bytes(range(65, 75)), bytes(4), bytes(map(fn(x): x + 1, b"abc")), list(b"xyz"))
let keys = {}
for i in range(40):
    keys[bytes([i]) * (i % 5 + 1)] = i
print(len(keys), keys[b"\x27\x27\x27\x27\x27"], repr(sorted(keys.keys())[:3]))
