# TEST: len, in, and indexing on a range work without building a list
#> 4 true false false
#> 2 11
#> range
let r = range(2, 12, 3)
print(len(r), 5 in r, 6 in r, 12 in r)
print(r[0], r[-1])
print(type(r))
