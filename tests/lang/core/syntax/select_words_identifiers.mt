# TEST: case, default and after are ordinary names outside select
#> 1 2 3
let case = 1
let default = 2
def after(x):
    return x
print(case, default, after(3))
