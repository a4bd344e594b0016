# TEST: indexing and slicing a long non-ASCII string in a loop is O(1) per step (forwards, backwards, two strings at once, find with start), not O(n)
#> 300000 300000 300000 100000 150000
# TIMEOUT: 10
let n = 300000
let s = "é" * n + "x"
let t = "ü😀" * (n // 2)
let found = 0
for i in range(len(s)):
    if s[i] == "x":
        found = i
let back = 0
let j = len(s) - 1
while j >= 0:
    if s[j] == "é":
        back += 1
    j -= 1
let diff = 0
for i in range(len(t)):
    if t[i] != s[i]:
        diff += 1
let pieces = 0
let k = 0
while k < n:
    if s[k:k + 3] == "ééé":
        pieces += 1
    k += 3
let hits = 0
let at = t.find("😀")
while at >= 0:
    hits += 1
    at = t.find("😀", at + 1)
print(found, back, diff, pieces, hits)
