# TEST: sleep and yield-to-scheduler inside a nested coroutine: sleep suspends the thread; the coroutine's yield goes to its resumer
#> gen start
#> other thread runs
#> gen after sleep
#> got x
def gen():
    print("gen start")
    sleep(0.01)
    print("gen after sleep")
    yield "x"
def other():
    print("other thread runs")
spawn other()
let co = coroutine(gen)
print("got", co.resume())
