# TEST: close or resume of a running coroutine (one on the resume chain) raises ValueError
#> ValueError close self
#> ValueError resume self
#> ValueError resume outer
#> ValueError close outer
#> inner ok
#> outer done
let outer = nil
def inner():
    try:
        outer.resume()
    except ValueError:
        print("ValueError resume outer")
    try:
        outer.close()
    except ValueError:
        print("ValueError close outer")
    yield "inner ok"
def body():
    let me = outer
    try:
        me.close()
    except ValueError:
        print("ValueError close self")
    try:
        me.resume()
    except ValueError:
        print("ValueError resume self")
    let ci = coroutine(inner)
    print(ci.resume())
    return "outer done"
outer = coroutine(body)
print(outer.resume())
