# TEST: a list of 1,000,000 items appends, indexes and sums correctly
# TIMEOUT: 20
#> 1000000 999999 499999500000
let xs = []
for i in range(1000000):
    xs.append(i)
print(len(xs), xs[-1], sum(xs))
