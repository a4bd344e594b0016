# TEST: an error inside a coroutine propagates out of resume, and the coroutine is dead
#> 1
#> finally in coroutine
#> caught IndexError deep
#> done true
#> outer caught KeyError nested
def deep():
    raise IndexError("deep")
def g():
    yield 1
    try:
        deep()
    finally:
        print("finally in coroutine")
let co = coroutine(g)
print(co.resume())
try:
    co.resume()
except IndexError as e:
    print("caught", type(e), e.message)
print("done", co.done)
# an error crosses two levels of nested coroutines
def inner():
    yield 1
    raise KeyError("nested")
def outer():
    let ci = coroutine(inner)
    ci.resume()
    ci.resume()
let co2 = coroutine(outer)
try:
    co2.resume()
except KeyError as e:
    print("outer caught", type(e), e.message)
