# TEST: parameters are locals: assigning to one does not change the caller's variable
#> 10 1
let x = 1
def f(x):
    x = 10
    return x
print(f(x), x)
