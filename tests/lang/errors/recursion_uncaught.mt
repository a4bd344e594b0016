# TEST: unbounded recursion is an uncaught RecursionError with exit 1, never a crash
# TIMEOUT: 60
# EXIT: 1
# STDERR: RecursionError
def forever(n):
    return forever(n + 1) + 1
forever(0)
