# TEST: coroutines resuming coroutines without end raise a catchable RecursionError at the nesting limit (not memory exhaustion)
#> RecursionError after 100001 levels: coroutines nested too deeply (more than 100000 resumes)
let depth = 0
def a(f):
    depth += 1
    return coroutine(f, f).resume()
try:
    a(a)
except RecursionError as e:
    print("RecursionError after", depth, "levels:", e.message)
