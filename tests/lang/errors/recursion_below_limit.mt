# TEST: recursion 900,000 frames deep is below the default limit and succeeds
# TIMEOUT: 60
#> 900000
def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1
print(down(900000))
