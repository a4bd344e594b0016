# TEST: closures capture the per-iteration variables bound by `for k, v in ...`
#> a1 b2
let fs = []
for k, v in {"a": 1, "b": 2}.items():
    fs.append(fn(): k + str(v))
print(fs[0](), fs[1]())
