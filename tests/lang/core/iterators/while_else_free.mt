# TEST: while with break and continue
#> 1 3 5
let i = 0
let out = []
while true:
    i += 1
    if i > 5:
        break
    if i % 2 == 0:
        continue
    out.append(str(i))
print(" ".join(out))
