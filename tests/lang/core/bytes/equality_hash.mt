# TEST: bytes equality is by content and never equal to a str, a list of ints or a number; bytes are map keys by content, apart from strs; hash agrees
#> true false false false false false false false
#> false false true true true
#> 2 bytes again str nil {b"key": "bytes again", "key": "str"}
#> true true int
#> 300 261 255 true
#> KeyError b"missing"
let a = b"key"
let b = bytes([107, 101, 121])
print(a == b, a != b, a == "key", "key" == a, a == [107, 101, 121], b"" == "", b"" == nil, b"\x01" == 1)
print(b"a\x00" == b"a", b"a" == b"a\x00", b"\x00" == b"\x00", [b"x", [b"y"]] == [b"x", [b"y"]], {"k": b"v"} == {"k": b"v"})
let m = {}
m[a] = "bytes"
m["key"] = "str"
m[b] = "bytes again"
print(len(m), m[b"key"], m["key"], m.get(b"nope"), m)
print(hash(a) == hash(b), hash(b"") == hash(bytes()), type(hash(a)))
let many = {}
for i in range(300):
    many[bytes([i % 256, i // 256])] = i
print(len(many), many[b"\x05\x01"], many[bytes([255, 0])], b"\x00\x00" in many)
try:
    print(m[b"missing"])
except KeyError as e:
    print("KeyError", e.message)
