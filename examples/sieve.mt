# The concurrent prime sieve: a chain of filter threads, one per prime found so far.
# Each filter is a plain loop: receive a number, pass it on unless its prime divides it.
#
# Run: mt examples/sieve.mt [count]   (default 25 primes)

def generate(out):
    let i = 2
    while true:
        out.send(i)
        i += 1

def filter_multiples(inp, out, prime):
    for n in inp:
        if n % prime != 0:
            out.send(n)

let count = int(argv[1]) if len(argv) > 1 else 25
let ch = channel()
spawn generate(ch)
let primes = []
for i in range(count):
    let prime = ch.recv()
    primes.append(prime)
    let next = channel()
    spawn filter_multiples(ch, next, prime)
    ch = next
print(primes)
# Main ends here: the generator and filters are blocked forever, so the runtime kills
# them (running any cleanup they have) and the program exits with status 0.
