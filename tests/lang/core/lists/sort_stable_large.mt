# TEST: sorting 1000 items by a key with many ties keeps equal keys in original order
#> true [0, 0] [6, 993]
let big = []
for i in range(1000):
    big.append([i % 7, i])
big.sort(key=fn(p): p[0])
let ok = true
for i in range(1, 1000):
    if big[i - 1][0] == big[i][0] and big[i - 1][1] > big[i][1]:
        ok = false
    if big[i - 1][0] > big[i][0]:
        ok = false
print(ok, big[0], big[-1])
