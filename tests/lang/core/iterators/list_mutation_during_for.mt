# TEST: appending to a list while iterating over it: the loop sees the new items (index-based)
#> 1
#> 2
#> 3
let xs = [1, 2]
for x in xs:
    print(x)
    if x == 1:
        xs.append(3)
