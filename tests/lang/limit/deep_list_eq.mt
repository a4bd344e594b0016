# TEST: == on two 100,000-deep nested lists raises RecursionError or answers, never crashes
#> survived
let a = []
let b = []
for i in range(100000):
    a = [a]
    b = [b]
try:
    let r = a == b
    print("survived" if r else "WRONG")
except RecursionError as e:
    print("survived")
