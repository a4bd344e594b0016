# TEST: an uncaught error from inside a coroutine gives a traceback through the coroutine and exit 1
#> before
# EXIT: 1
# STDERR: ValueError: inside
# STDERR_RE: uncaught_in_coroutine.mt:[0-9]+, in g
# STDERR_RE: uncaught_in_coroutine.mt:[0-9]+, in <module>
def g():
    yield 1
    raise ValueError("inside")
let co = coroutine(g)
co.resume()
print("before")
co.resume()
print("not reached")
