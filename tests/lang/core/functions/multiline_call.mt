# TEST: a line break inside () does not end the statement
#> 6
def add3(a, b, c):
    return a + b + c
print(add3(1,
           2,
    3))
