# TEST: regression: `f(x) if c else y` followed by another statement failed with "internal compiler error: stack imbalance"
#> 2
def f(v):
    return v
let x = f(4) if false else 2
print(x)
