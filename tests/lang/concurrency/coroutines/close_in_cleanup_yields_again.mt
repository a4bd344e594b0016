# TEST: a coroutine closed inside its finally that yields again before the finally ends makes close() raise ValueError
#> in cleanup
#> ValueError coroutine yielded while being closed
#> done: false
def g():
    try:
        yield 1
    finally:
        yield "in cleanup"
        yield "again"
let co = coroutine(g)
co.resume()
print(co.resume())
try:
    co.close()
except ValueError as e:
    print("ValueError", e.message)
print("done:", co.done)
