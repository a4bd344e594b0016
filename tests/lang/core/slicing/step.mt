# TEST: slices with a step (negative too, Python's semantics) on lists, strs (by code point), bytes and tuples; a zero step raises ValueError
#> [0, 2, 4, 6, 8] [1, 4, 7] [9, 8, 7, 6, 5, 4, 3, 2, 1, 0] [8, 6, 4] [9, 8, 7]
#> [9, 6] [9, 5, 1] [] [] [0, 4, 8] [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
#> olléh hlo ba 語本日 
#> b"ace" b"cba" (3, 1) (3, 2, 1)
#> [9, 8, 7, 6, 5, 4, 3, 2, 1, 0] [0] [9]
#> slice step cannot be zero
#> slice indices must be integers or nil, not float
#> 'range' object cannot be sliced
let xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
print(xs[::2], xs[1:8:3], xs[::-1], xs[8:2:-2], xs[-1:-4:-1])
print(xs[:3:-3], xs[100::-4], xs[5:5:1], xs[2:8:-1], xs[-100:100:4], xs[::nil])
print("héllo"[::-1], "héllo"[::2], "abc"[1::-1], "日本語"[::-1], ""[::-1])
print(b"abcdef"[::2], b"abc"[::-1], (1, 2, 3)[::-2], (1, 2, 3)[5::-1])
let i = -1
print(xs[i::i], xs[::9223372036854775807], xs[::-9223372036854775807])
try:
    print(xs[::0])
except ValueError as e:
    print(e.message)
try:
    print("abc"[1:2:1.5])
except TypeError as e:
    print(e.message)
try:
    print(range(5)[::2])
except TypeError as e:
    print(e.message)
