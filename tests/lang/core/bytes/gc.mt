# TEST: bytes survive collections: made by every operation (literal, +, *, slice, bytes(), encode, join, split) while garbage piles up, kept in lists and as map keys
#> 200 b"\x00\x00|0" b"\xc7\xc7|199" 199 200
#> [b"\x00\x00|0", b"\x01\x01|1", b"\x02\x02|2", b"\x03\x03|3", b"\x04\x04|4"] true
#> 90020
let keep = []
let index = {}
for i in range(200):
    let b = bytes([i % 256]) * 3 + b"|" + str(i).encode()
    keep.append(b[1:])
    index[b] = i
    if i % 50 == 0:
        gc()
gc()
print(len(keep), keep[0], keep[199], index[b"\xc7\xc7\xc7|199"], len(index))
let parts = b" ".join(keep[:5]).split()
gc()
print(parts, b"".join(parts).decode(errors = "replace") == "".join(map(fn(p): p.decode(errors = "replace"), parts)))
let total = 0
for b in keep:
    for x in b:
        total += x
print(total)
