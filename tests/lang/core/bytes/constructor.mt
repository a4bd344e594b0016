# TEST: bytes(): empty, n zero bytes, the same bytes, the ints of a list or any iterable, and its errors (negative count, items not ints or out of 0..255, a str without encode, other types)
#> b"" b"" b"" b"\x00\x00\x00" b"" b"\x00A\xff" b"abc" b"same"
#> true b"hi" bytes
#> ValueError bytes(): negative count -1
#> ValueError bytes(): item 0 is 256, not in range(0, 256)
#> ValueError bytes(): item 0 is -1, not in range(0, 256)
#> TypeError bytes(): item 1 is a str, not an int
#> TypeError bytes(): item 0 is a float, not an int
#> TypeError bytes(): item 0 is a bool, not an int
#> TypeError bytes() of a str needs an encoding: use s.encode()
#> TypeError bytes() cannot convert a float
#> TypeError bytes() cannot convert a bool
#> ValueError bytes(): item 6 is 256, not in range(0, 256)
#> bytes() takes at most 1 argument but 2 were given
#> MemoryError bytes too long
print(bytes(), bytes(nil), bytes(0), bytes(3), bytes([]), bytes([0, 65, 255]), bytes(range(97, 100)), bytes(b"same"))
let b = b"x"
print(bytes(b) == b, bytes({104: 1, 105: 2}), type(bytes()))
for x in [-1, [256], [-1], [1, "a"], [1.0], [true], "text", 1.5, true, range(250, 260)]:
    try:
        print(bytes(x))
    except Error as e:
        print(type(e), e.message)
try:
    bytes(1, 2)
except TypeError as e:
    print(e.message)
try:
    bytes(5000000000)
except MemoryError as e:
    print("MemoryError", e.message)
