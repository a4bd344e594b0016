# TEST: a yield while closing makes close() raise ValueError
#> 1
#> in finally
#> ValueError
def g():
    try:
        yield 1
    finally:
        print("in finally")
        yield 2
        print("not reached")
let co = coroutine(g)
print(co.resume())
try:
    co.close()
    print("close returned")
except ValueError:
    print("ValueError")
