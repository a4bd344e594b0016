let calls = 0
let table = list(map(fn(x): x * 3, range(5)))
def greet(who):
    calls += 1
    return "hi " + who
