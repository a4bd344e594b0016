# fib: naive doubly-recursive Fibonacci; measures call/return overhead.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

let n = 32
if len(argv) > 1:
    n = int(argv[1])
print(fib(n))
