# TEST: sleepers keep their timers when the thread registry compacts finished threads away (a timer names its thread by registry position): they wake by deadline, then in the order set
#> done 100
#> 0
#> 1
#> 2
#> 3
#> 4
#> 5
#> tie a
#> tie b
def quick():
    pass
def sleeper(i):
    sleep(0.02 + 0.01 * i)
    print(i)
def tie(name):
    sleep(0.1)
    print("tie", name)
for i in range(50):
    spawn quick()
sleep(0)
for i in range(5, -1, -1):
    spawn sleeper(i)
spawn tie("a")
spawn tie("b")
let ch = channel()
def counter(n):
    let c = 0
    for i in range(n):
        c += ch.recv()
    print("done", c)
spawn counter(100)
for i in range(100):
    spawn quick()
    ch.send(1)
