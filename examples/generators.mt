# Generators are coroutines: `yield` hands a value to whoever resumes, from any call depth,
# and `for v in coroutine(f, args...)` iterates the yielded values.

def count_up(start, step):
    let n = start
    while true:
        yield n
        n += step

def take(n, gen):
    let i = 0
    for v in gen:
        if i == n:
            return nil
        yield v
        i += 1

def squares(gen):
    for v in gen:
        yield v * v

# Generators compose into lazy pipelines: nothing runs until the for loop pulls.
let evens = coroutine(count_up, 0, 2)
let first = coroutine(take, 5, coroutine(squares, evens))
for v in first:
    print(v)

# yield works at any depth: a recursive tree walk yields from deep inside.
def walk(tree):
    if type(tree) == "list":
        for child in tree:
            walk(child)
    else:
        yield tree

print(list(coroutine(walk, [1, [2, [3, 4]], [[5]], 6])))

# A coroutine can also receive: the value passed to resume() is the value of yield.
def running_average():
    let total = 0.0
    let n = 0
    let avg = nil
    while true:
        let x = yield avg
        total += x
        n += 1
        avg = total / n

let avg = coroutine(running_average)
avg.resume()
for x in [10, 20, 60]:
    print("average so far:", avg.resume(x))
