# TEST: a keyword argument's value may be any expression, including == comparisons and lambdas
#> true
#> [3, 2, 1]
def f(flag = false):
    return flag
print(f(flag=1 == 1))
print(sorted([1, 2, 3], key=fn(v): -v))
