# TEST: repr of a 100,000-deep nested map raises RecursionError or prints, never crashes
#> survived
let m = {}
for i in range(100000):
    m = {"k": m}
try:
    let s = str(m)
    print("survived")
except RecursionError as e:
    print("survived")
