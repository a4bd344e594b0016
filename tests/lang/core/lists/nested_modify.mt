# TEST: nested lists can be read and written through chained indexes
#> [[1, 2], [3, 99]]
#> 99
let g = [[1, 2], [3, 4]]
g[1][1] = 99
print(g)
print(g[-1][-1])
