# TEST: a default expression reads globals at call time, not at definition time
#> 1
#> 2
let base = 1
def f(x = base):
    return x
print(f())
base = 2
print(f())
