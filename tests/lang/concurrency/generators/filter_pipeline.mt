# TEST: generators as a filter pipeline: each stage is a plain loop pulling input and pushing output
#> 4
#> 16
#> 36
#> 64
#> 100
#> total 220
def numbers(n):
    let i = 1
    while i <= n:
        yield i
        i += 1
def evens(src):
    for v in src:
        if v % 2 == 0:
            yield v
def squares(src):
    for v in src:
        yield v * v
def printer(src):
    let total = 0
    for v in src:
        print(v)
        total += v
    return total
let pipe = coroutine(squares, coroutine(evens, coroutine(numbers, 10)))
print("total", printer(pipe))
