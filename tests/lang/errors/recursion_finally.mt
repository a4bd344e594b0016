# TEST: when a RecursionError unwinds a deep recursion, the finally block of every frame that entered its try runs
# TIMEOUT: 60
#> true
#> caught
let cleanups = 0
let deepest = 0
def down(n):
    deepest = n
    try:
        return down(n + 1)
    finally:
        cleanups += 1
try:
    down(1)
except RecursionError as e:
    print(cleanups == deepest and deepest > 900000)
    print("caught")
