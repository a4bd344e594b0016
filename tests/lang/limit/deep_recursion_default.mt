# TEST: recursion 500,000 deep succeeds under the default limit (no C stack use)
# TIMEOUT: 30
#> 500000
def down(n):
    if n == 0:
        return 0
    return 1 + down(n - 1)
print(down(500000))
