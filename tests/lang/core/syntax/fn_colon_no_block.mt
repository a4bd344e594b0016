# TEST: an fn body's ':' never opens a block: an fn at the end of a line is followed by a normal next statement
#> 6
let f = fn(x): x * 2
print(f(3))
