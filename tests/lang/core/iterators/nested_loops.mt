# TEST: nested for loops over different iterables; break only leaves the inner loop
#> a0 a1 b0 b1
let out = []
for s in ["a", "b"]:
    for i in range(10):
        if i == 2:
            break
        out.append(s + str(i))
print(" ".join(out))
