# TEST: an Error raised by a finally during close() propagates out of close (outer finally still runs)
#> 1
#> finally inner
#> finally outer
#> caught KeyError k
#> done true
def g():
    try:
        try:
            yield 1
        finally:
            print("finally inner")
            raise KeyError("k")
    finally:
        print("finally outer")
let co = coroutine(g)
print(co.resume())
try:
    co.close()
    print("close returned")
except KeyError as e:
    print("caught", type(e), e.message)
print("done", co.done)
