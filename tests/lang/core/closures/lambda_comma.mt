# TEST: an fn body is parsed up to a comma or closing bracket; its ':' never opens a block
#> [1, 4] 3
#> [[1, 2], [2, 4]]
let r = [fn(x): x * x, fn(y): y + 1]
print([r[0](1), r[0](2)], r[1](2))
print(map(fn(p): [p, p * 2], [1, 2]))
