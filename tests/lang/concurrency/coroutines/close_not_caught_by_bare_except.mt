# TEST: the ThreadExit raised by close() is not caught by bare except or except Error; a handler naming it catches it
#> 1
#> finally a
#> a done true
#> 2
#> caught ThreadExit
#> finally b
#> b done true
def a():
    try:
        try:
            yield 1
        except:
            print("bare except caught it")
        try:
            yield 1
        except Error:
            print("except Error caught it")
    finally:
        print("finally a")
def b():
    try:
        yield 2
    except ThreadExit as e:
        print("caught", type(e))
    finally:
        print("finally b")
let ca = coroutine(a)
print(ca.resume())
ca.close()
print("a done", ca.done)
let cb = coroutine(b)
print(cb.resume())
cb.close()
print("b done", cb.done)
