# TEST: recursion 100,000 deep works (stackless: no C stack overflow)
#> 100000
def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1
print(down(100000))
