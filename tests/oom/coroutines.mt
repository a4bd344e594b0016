# Coroutines: generators, values through resume, yield in nested calls, close with finally.
def gen(n):
    for i in range(n):
        yield i * i

let squares = []
for v in coroutine(gen, 8):
    squares.append(v)
print(squares)

def echo():
    let got = yield "ready"
    while got != nil:
        got = yield "got " + str(got)
    return "done"

let co = coroutine(echo)
print(co.resume())
print(co.resume(1))
print(co.resume([2, 3]))
print(co.resume(nil), co.done)

def inner(x):
    yield x
    yield x + 1
def outer():
    inner_helper(10)
def inner_helper(x):
    for v in coroutine(inner, x):
        yield v
print(list(coroutine(outer)))

def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("closed")
let g = coroutine(guarded)
print(g.resume())
g.close()
print(g.done)
