# TEST: sleep suspends only the calling thread; others keep running meanwhile
#> worker 0
#> worker 1
#> worker 2
#> main woke, worker count 3
let count = 0
def worker():
    for i in range(3):
        print("worker", i)
        count += 1
        yield
spawn worker()
sleep(0.02)
print("main woke, worker count", count)
