# TEST: threads join each other in a chain; results flow back in order
#> 0
#> 1
#> 2
#> 3
#> 6
def step(n, prev):
    let base = 0
    if prev != nil:
        base = prev.join()
    print(n)
    return base + n
let t = nil
for i in range(4):
    t = spawn step(i, t)
print(t.join())
