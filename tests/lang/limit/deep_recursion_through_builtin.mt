# TEST: recursion that passes through builtins written in Mt (map, sorted keys) is bounded by RecursionError, never a crash
# TIMEOUT: 60
#> RecursionError
def r(x):
    return map(r, [x])
try:
    r(1)
except RecursionError as e:
    print("RecursionError")
