# TEST: choose() waits until a case is ready (a value sent later, a kill) and is fair between ready cases, the same every run
#> [1, "late"]
#> picks: [1, 0, 0, 0, 0, 1, 1, 0]
#> cleanup ran
let a = channel()
let b = channel()
def later():
    sleep(0.05)
    b.send("late")
spawn later()
print(choose([["recv", a], ["recv", b]]))
let x = channel(10)
let y = channel(10)
let picks = []
for i in range(8):
    x.send(i)
    y.send(i)
    picks.append(choose([["recv", x], ["recv", y]])[0])
print("picks:", picks)
def stuck():
    try:
        choose([["recv", a]])
    finally:
        print("cleanup ran")
let t = spawn stuck()
sleep(0)
t.kill()
t.join()
