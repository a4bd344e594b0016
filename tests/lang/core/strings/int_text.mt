# TEST: the decimal text of ints (str, repr, f-strings, containers, json) at every digit
# count and at the edges: 0, negatives, the small-int box limits (2^47), int64 min/max.
#> 0 7 -7 10 -10 99 100 -100 999 1000 12345 -98765
#> 140737488355327 140737488355328 -140737488355328 -140737488355329
#> 9223372036854775807 -9223372036854775808
#> [0, -1, 100] (42,) {10: -10}
#> x=-9223372036854775808| 1000|
#> [-9223372036854775808, 9223372036854775807, 0]
#> true 1 ascii
#> 19
import json
print(str(0), str(7), str(-7), str(10), str(-10), str(99), str(100), str(-100), str(999),
      str(1000), repr(12345), str(-98765))
let big = 140737488355327
print(str(big), str(big + 1), str(-big - 1), str(-big - 2))
let mx = 9223372036854775807
let mn = -mx - 1
print(str(mx), repr(mn))
print(str([0, -1, 100]), (42,), {10: -10})
print(f"x={mn}|{1000:5}|")
print(json.encode([mn, mx, 0]))
# the text is ASCII: len and indexing are by code point from the start
let s = str(10 ** 9)
print(s == "1000000000", s[0], "ascii" if len(s) == 10 else "?")
let n = 0
for i in range(1, 11):
    n += len(str(i))
print(n + len(str(-10 ** 6)))
