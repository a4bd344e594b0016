# TEST: a captured variable outlives the call that declared it, even after the stack is reused
#> hello
#> 3
def make(msg):
    return fn(): msg
let f = make("hello")
def churn(n):
    let a = n
    let b = n + 1
    return a + b
churn(1)
print(f())
let adders = map(fn(k): fn(v): v + k, [1, 2])
print(adders[1](1))
