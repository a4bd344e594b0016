# TEST: join waits for the thread and returns its result; joining a finished thread again returns it again
#> waiting
#> worker 1
#> worker 2
#> result 42
#> again 42
#> alive false
#> list [1, 2]
#> none nil
def worker():
    print("worker 1")
    sleep(0.01)
    print("worker 2")
    return 42
let t = spawn worker()
print("waiting")
print("result", t.join())
print("again", t.join())
print("alive", t.alive)
let t2 = spawn (fn(): [1, 2])()
sleep(0)
print("list", t2.join())
let t3 = spawn (fn(): nil)()
print("none", t3.join())
