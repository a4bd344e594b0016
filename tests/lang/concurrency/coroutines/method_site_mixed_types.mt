# TEST: one call site that sees a coroutine, then a thread, then the coroutine again
# picks each type's own methods (threads and coroutines share a cached object type)
#> 1
#> 'thread' object has no attribute 'resume'
#> 2
#> 5
def gen():
    yield 1
    yield 2

def worker():
    return 5

def call_resume(x):
    return x.resume()

let co = coroutine(gen)
print(call_resume(co))
let t = spawn worker()
try:
    call_resume(t)
except AttributeError as e:
    print(e)
print(call_resume(co))
print(t.join())
