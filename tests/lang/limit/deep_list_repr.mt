# TEST: repr of a 100,000-deep nested list raises RecursionError or prints, never crashes
#> survived
let x = []
for i in range(100000):
    x = [x]
try:
    let s = repr(x)
    print("survived" if len(s) == 200000 else "WRONG length")
except RecursionError as e:
    print("survived")
