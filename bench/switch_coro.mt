# switch_coro: resume/yield round trips with one coroutine, n times.
# Prints the final value (n).
def counter(v):
    while true:
        v = yield (v + 1)

def main(n):
    let co = coroutine(counter, 0)
    let v = co.resume()
    for i in range(n - 1):
        v = co.resume(v)
    print(v)

let n = 5000000
if len(argv) > 1:
    n = int(argv[1])
main(n)
