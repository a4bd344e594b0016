# TEST: a return inside finally replaces the pending return value or error
#> from finally
#> swallowed
def f():
    try:
        return "from try"
    finally:
        return "from finally"
print(f())
def g():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(g())
