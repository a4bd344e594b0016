# TEST: finally blocks in every frame run when a RecursionError unwinds a deep recursion
# TIMEOUT: 60
#> 1000001
#> caught
let cleanups = 0
def down(n):
    try:
        return down(n + 1)
    finally:
        cleanups += 1
try:
    down(0)
except RecursionError as e:
    print(cleanups)
    print("caught")
