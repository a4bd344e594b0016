# TEST: arguments may be passed by name, in any order, after positional ones
#> 1 2 3
#> 1 2 3
#> 1 2 3
def f(a, b, c):
    return str(a) + " " + str(b) + " " + str(c)
print(f(1, 2, c=3))
print(f(1, c=3, b=2))
print(f(c=3, b=2, a=1))
