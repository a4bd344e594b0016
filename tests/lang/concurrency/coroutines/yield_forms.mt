# TEST: yield as a statement, after let/=/+=, after return, and in parentheses
#> 1
#> 2
#> 3
#> 4
#> 5
#> [10, 20, 30]
#> 6
#> 55
#> true
#> [10, 20, 30, 55]
let seen = []
def f():
    yield 1
    let a = yield 2
    seen.append(a)
    a = yield 3
    seen.append(a)
    let s = 0
    s += yield 4
    seen.append(s)
    let t = (yield 5) + (yield 6)
    seen.append(t)
    return yield t
let co = coroutine(f)
print(co.resume())
print(co.resume())
print(co.resume(10))
print(co.resume(20))
print(co.resume(30))
print(seen)
print(co.resume(40))
print(co.resume(15))
print(co.resume("ret") == "ret" and co.done)
print(seen)
