# Closures: captured loop variables, counters, lambdas, callbacks from built-ins.
def counter():
    let n = 0
    def step(by = 1):
        n += by
        return n
    return step

let c = counter()
c()
c(5)
print(c())
let fs = []
for i in range(10):
    fs.append(fn(x): x * i)
print(map(fn(f): f(2), fs))
print(sorted(["pear", "fig", "banana"], key=fn(s): len(s)))
print(filter(fn(x): x % 3 == 0, range(20)))
def compose(f, g):
    return fn(x): f(g(x))
print(compose(fn(x): x + 1, fn(x): x * 10)(4))
