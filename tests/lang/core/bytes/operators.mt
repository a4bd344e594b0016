# TEST: bytes operators: + concatenates, * repeats (either side, n <= 0 empty), mixing with str or other types is a TypeError naming the conversion
#> b"abcd" b"" b"ababab" b"---" b"" b"" b""
#> b"012" true
#> unsupported operand types for +: 'bytes' and 'str' (convert with s.encode() or b.decode())
#> unsupported operand types for +: 'str' and 'bytes' (convert with s.encode() or b.decode())
#> unsupported operand types for +: 'bytes' and 'int'
#> unsupported operand types for +: 'bytes' and 'list'
#> unsupported operand types for *: 'bytes' and 'float'
#> unsupported operand types for *: 'bytes' and 'bytes'
#> unsupported operand types for -: 'bytes' and 'bytes'
#> bad operand type for unary -: 'bytes'
print(b"ab" + b"cd", b"" + b"", b"ab" * 3, 3 * b"-", b"x" * 0, b"x" * -2, b"" * 5)
let acc = b""
for i in range(3):
    acc += bytes([48 + i])
print(acc, acc * 2 == acc + acc)
for f in [fn(): b"a" + "b", fn(): "a" + b"b", fn(): b"a" + 1, fn(): b"a" + [1], fn(): b"a" * 1.5, fn(): b"a" * b"b", fn(): b"a" - b"a", fn(): -b"a"]:
    try:
        print(f())
    except TypeError as e:
        print(e.message)
