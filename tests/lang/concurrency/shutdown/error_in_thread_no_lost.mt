# TEST: errors in several threads are each reported once; none is silently lost
#> main done
# EXIT: 1
# STDERR: Error in thread 2
# STDERR: Error in thread 3
# STDERR: KeyError: first
# STDERR: KeyError: second
def bad(msg):
    raise KeyError(msg)
spawn bad("first")
spawn bad("second")
print("main done")
