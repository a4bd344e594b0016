# TEST: killing a thread blocked inside a nested coroutine unwinds the coroutine's finally and the thread's, innermost first
#> gen finally
#> thread finally
#> joined nil
def gen():
    try:
        channel().recv()
        yield 1
    finally:
        print("gen finally")
def worker():
    try:
        let co = coroutine(gen)
        co.resume()
    finally:
        print("thread finally")
let t = spawn worker()
sleep(0)
t.kill()
print("joined", t.join())
