# TEST: for x in bytes gives the bytes as ints; list, map, enumerate, sum and a nested loop over the same bytes
#> 97 int
#> 0 int
#> 255 int
#> [104, 105, 33] [105, 106, 34] [(0, 104), (1, 105), (2, 33)] 242 1000
#> [b"aa", b"ab", b"ba", b"bb"]
#> b"xyz" b"ABC"
for x in b"a\x00\xff":
    print(x, type(x))
for x in b"":
    print("WRONG")
let b = b"hi!"
print(list(b), map(fn(x): x + 1, b), enumerate(b), sum(b), len(list(bytes(1000))))
let pairs = []
for x in b"ab":
    for y in b"ab":
        pairs.append(bytes([x, y]))
print(pairs)
def gen():
    for x in b"xyz":
        yield x
print(bytes(coroutine(gen)), bytes(map(fn(x): x - 32, b"abc")))
