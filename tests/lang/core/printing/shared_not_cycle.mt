# TEST: the same list appearing twice (not a cycle) prints in full both times
#> [[1], [1]]
let x = [1]
print([x, x])
