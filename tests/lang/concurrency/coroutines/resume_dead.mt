# TEST: resuming a dead coroutine raises ValueError (after return, after an error, after close)
#> r
#> ValueError after return
#> ValueError after error
#> 1
#> ValueError after close
def ret():
    return "r"
def bad():
    raise KeyError("x")
def y():
    yield 1
    yield 2
let a = coroutine(ret)
print(a.resume())
try:
    a.resume()
except ValueError:
    print("ValueError after return")
let b = coroutine(bad)
try:
    b.resume()
except KeyError:
    pass
try:
    b.resume()
except ValueError:
    print("ValueError after error")
let c = coroutine(y)
print(c.resume())
c.close()
try:
    c.resume()
except ValueError:
    print("ValueError after close")
