# TEST: bytes methods: hex, find (with start, negative start), count, startswith, endswith, join (lists and iterables), split (whitespace, separator, maxsplit) and their argument errors
#> 000fa0ff  str
#> 2 5 5 2 -1 0 6 -1 4
#> 2 0 7 2
#> true true false true false
#> b"a, b, c" b"" b"x" b"x+y+z"
#> [b"a", b"b", b"c"] [] [] [b"a", b"b c"] [b"a", b"b  c"]
#> [b"a", b"b", b"", b"c"] [b"a", b"b,,c"] [b"", b""] [b""] [b"a", b"b", b"c"]
#> TypeError find() argument 1 must be bytes, not str
#> TypeError count() argument 1 must be bytes, not int
#> TypeError startswith() argument 1 must be bytes, not str
#> TypeError endswith() argument 1 must be bytes, not nil
#> TypeError join(): item 1 is a str, not bytes
#> TypeError join(): item 0 is a str, not bytes
#> ValueError split(): empty separator
#> TypeError split() argument 1 must be bytes, not str
#> AttributeError 'bytes' object has no attribute 'upper'
#> TypeError find() argument 2 must be an int, not float
let b = b"abcabc"
print(b"\x00\x0f\xa0\xff".hex(), b"".hex(), type(b.hex()))
print(b.find(b"c"), b.find(b"c", 3), b.find(b"c", -1), b.find(b"c", -100), b.find(b"z"), b.find(b""), b.find(b"", 6), b.find(b"", 7), b.find(sub = b"b", start = 2))
print(b.count(b"bc"), b.count(b"x"), b.count(b""), b"aaaa".count(b"aa"))
print(b.startswith(b"ab"), b.startswith(b""), b.startswith(b"abcabcd"), b.endswith(b"bc"), b.endswith(b"ab"))
print(b", ".join([b"a", b"b", b"c"]), b"".join([]), b"-".join([b"x"]), b"+".join(map(fn(x): bytes([x]), b"xyz")))
print(b"  a  b\t\nc ".split(), b"".split(), b"   ".split(), b"a b c".split(maxsplit = 1), b" a  b  c ".split(nil, 1))
print(b"a,b,,c".split(b","), b"a,b,,c".split(b",", 1), b",".split(b","), b"".split(b","), b"a<>b<>c".split(sep = b"<>", maxsplit = 5))
for f in [fn(): b.find("c"), fn(): b.count(99), fn(): b.startswith("a"), fn(): b.endswith(nil), fn(): b"-".join([b"a", "b"]), fn(): b"-".join("ab"), fn(): b.split(b""), fn(): b.split(","), fn(): b.upper(), fn(): b.find(b"a", 1.5)]:
    try:
        print(f())
    except Error as e:
        print(type(e), e.message)
