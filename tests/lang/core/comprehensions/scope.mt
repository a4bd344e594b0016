# TEST: a comprehension's loop variables are its own: they do not leak, they shadow outer names, the item reads enclosing locals and closures; a closure made in the item captures that iteration's variable (as in a for statement)
#> [100, 101, 102]
#> outer
#> [0, 1, 2]
#> [10, 11]
#> [3, 4]
#> 9
#> [[0, 1], [2, 3]]
let x = "outer"
def f():
    let base = 100
    return [base + x for x in range(3)]
print(f())
print(x)
let fs = [fn(): i for i in range(3)]
print([g() for g in fs])
def adder(n):
    return fn(vs): [v + n for v in vs]
print(adder(10)([0, 1]))
def g(a, b):
    return [a + b, len(b) + a]
let r = [9]
print(g(len([y for y in range(3)]), [y for y in "x"]) if false else [3, 4])
print(r[0] + len([z for z in range(0)]))
print([[2 * i + j for j in range(2)] for i in range(2)])
