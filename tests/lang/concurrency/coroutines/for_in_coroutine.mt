# TEST: for v in co iterates yielded values only (not the return value); leaving early does not close co
#> 0
#> 1
#> 2
#> sum 3
#> a
#> left loop, done false
#> resumed b
#> c
#> finally
#> done true
def count(n):
    for i in range(n):
        yield i
    return "RETURNED"
for v in coroutine(count, 3):
    print(v)
let s = 0
for v in coroutine(count, 3):
    s += v
print("sum", s)
def letters():
    try:
        yield "a"
        yield "b"
        yield "c"
    finally:
        print("finally")
let co = coroutine(letters)
for v in co:
    print(v)
    break
print("left loop, done", co.done)
print("resumed", co.resume())
for v in co:
    print(v)
print("done", co.done)
