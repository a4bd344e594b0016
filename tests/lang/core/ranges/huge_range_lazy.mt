# TEST: a huge range is lazy: len and indexing are instant and breaking out early is cheap
#> 1000000000000
#> 999999999999
#> 3
let r = range(1000000000000)
print(len(r))
print(r[-1])
let n = 0
for i in r:
    if i == 3:
        break
    n += 1
print(n)
