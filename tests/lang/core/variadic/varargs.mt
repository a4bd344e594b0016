# TEST: def f(a, *args): the extra positional arguments, in order; none gives an empty one; defaults still fill first
#> 1 ()
#> 1 (2, 3)
#> 1 5 ()
#> 1 2 (3, 4)
#> 3
#> 0
def f(a, *args):
    print(a, args)
f(1)
f(1, 2, 3)
def g(a, b=5, *rest):
    print(a, b, rest)
g(1)
g(1, 2, 3, 4)
let count = fn(*xs): len(xs)
print(count(1, 2, 3))
print(count())
