# TEST: close() of a coroutine suspended inside its own finally lets that finally finish, then unwinds the outer ones (SPEC 7.3)
#> first
#> inner finally begins
#> close
#> inner finally ends
#> outer finally
#> done: true
def g():
    try:
        try:
            yield "first"
        finally:
            print("inner finally begins")
            yield "in cleanup"
            print("inner finally ends")
        print("after the inner try: not reached")
    finally:
        print("outer finally")
let co = coroutine(g)
print(co.resume())
co.resume()
print("close")
co.close()
print("done:", co.done)
