# TEST: spawn's callee and arguments are evaluated in the spawning thread, at the spawn
#> eval callee
#> eval arg 1
#> eval arg 2
#> spawned
#> run 1 2
#> x was 10 when spawned
def pick():
    print("eval callee")
    return run
def arg(n):
    print("eval arg", n)
    return n
def run(a, b):
    print("run", a, b)
def show(v):
    print("x was", v, "when spawned")
let t = spawn pick()(arg(1), arg(2))
print("spawned")
let x = 10
let t2 = spawn show(x)
x = 20
t.join()
t2.join()
