# TEST: coroutine(f, args...) starts suspended; resume passes values in, yield hands values out
# The value given to resume is the value of the yield expression; the final
# resume returns the function's return value; done tells whether it ended.
#> created
#> done? false
#> start 3 4
#> r1 7
#> x = a
#> r2 [a, 6]
#> y = b
#> r3 ab
#> done? true
def f(a, b):
    print("start", a, b)
    let x = yield a + b
    print("x =", x)
    let y = yield [x, a * 2]
    print("y =", y)
    return x + y
let co = coroutine(f, 3, 4)
print("created")
print("done?", co.done)
print("r1", co.resume())
let r2 = co.resume("a")
print("r2", f"[{r2[0]}, {r2[1]}]")
print("r3", co.resume("b"))
print("done?", co.done)
