# TEST: yield is legal at any call depth: it suspends the whole coroutine (stackful)
#> 0
#> 1
#> 2
#> 3
#> 4
#> leaf got a
#> 5
#> leaf got b
#> mid back
#> [a, b]
#> returned total
#> true
def leaf(n):
    let v = yield n
    return v
def mid(n):
    let a = leaf(n)
    print("leaf got", a)
    let b = leaf(n + 1)
    print("leaf got", b)
    print("mid back")
    return [a, b]
def walk(n):
    # recursion: each level yields from its own frame
    if n == 0:
        return nil
    yield 4 - n
    walk(n - 1)
def top():
    walk(4)
    let r = mid(4)
    print(f"[{r[0]}, {r[1]}]")
    return "total"
let co = coroutine(top)
for i in range(5):
    print(co.resume())
print(co.resume("a"))
print("returned", co.resume("b"))
print(co.done)
