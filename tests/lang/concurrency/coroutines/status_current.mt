# TEST: co.status: suspended, running, normal, dead; current_coroutine() is nil at a thread's level
#> suspended nil
#> outer before: suspended
#> inner sees outer: normal
#> inner sees itself: running
#> 1
#> suspended
#> outer after: suspended
#> dead true
#> dead
#> dead
def inner(outer_co):
    print("inner sees outer:", outer_co.status)
    print("inner sees itself:", current_coroutine().status)
    yield 1
def outer():
    let me = current_coroutine()
    let co = coroutine(inner, me)
    print("outer before:", co.status)
    yield co.resume()
    print("outer after:", co.status)
let o = coroutine(outer)
print(o.status, current_coroutine())
print(o.resume())
print(o.status)
o.resume()
print(o.status, o.done)
let failing = coroutine(fn(): 1 // 0)
try:
    failing.resume()
except ZeroDivisionError:
    print(failing.status)
let closed = coroutine(outer)
closed.close()
print(closed.status)
