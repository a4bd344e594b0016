# TEST: the collector handles a 1,000,000-deep nested list without overflowing the C stack
# TIMEOUT: 30
#> 1000000
let x = nil
for i in range(1000000):
    x = [x]
gc()
let n = 0
while x != nil:
    x = x[0]
    n += 1
print(n)
