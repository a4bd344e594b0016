# TEST: resume() without an argument passes nil; bare yield yields nil; a return without value gives nil
#> nil
#> got nil
#> nil
#> false
#> got 5
#> nil
#> true
def f():
    let v = yield
    print("got", v)
    v = (yield)
    print("got", v)
    return
let co = coroutine(f)
print(co.resume())
print(co.resume())
print(co.done)
print(co.resume(5))
print(co.done)
