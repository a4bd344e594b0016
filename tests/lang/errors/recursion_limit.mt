# TEST: recursion 1,100,000 frames deep exceeds the default limit of 1,000,000: a catchable RecursionError; afterwards recursion works again
# TIMEOUT: 60
#> RecursionError
#> true
#> 10
def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1
try:
    print(down(1100000))
    print("WRONG no limit")
except RecursionError as e:
    print("RecursionError")
    print(isinstance(e, Error))
print(down(10))
