# TEST: built-in classes: no attributes, arity and conversion errors keep the function's wording, cannot be subclassed
#> AttributeError class 'int' has no attribute 'foo'
#> TypeError int() takes at most 2 arguments but 3 were given
#> TypeError int() cannot convert a list
#> TypeError str() takes at most 1 argument but 2 were given
#> TypeError isinstance() argument 2 must be a class, not int
#> TypeError 'int' object is not iterable
#> TypeError frozenset() takes at most 1 argument but 2 were given
#> TypeError str() takes no keyword arguments
#> AttributeError cannot set attribute 'foo' on a class value
#> TypeError class Sub: cannot subclass the built-in type int
#> TypeError class Sub: cannot subclass the built-in type str
#> TypeError class Sub: cannot subclass the built-in type set
#> TypeError class Sub: cannot subclass the built-in type bool
let cases = [
    fn(): int.foo,
    fn(): int(1, 2, 3),
    fn(): int([]),
    fn(): str(1, 2),
    fn(): isinstance(1, 3),
    fn(): set(1),
    fn(): frozenset(1, 2),
    fn(): str(x=1),
]
for f in cases:
    try:
        f()
    except Error as e:
        print(type(e), e.message)
try:
    int.foo = 1
except AttributeError as e:
    print(type(e), e.message)
for base in [int, str, set, bool]:
    try:
        class Sub(base):
            pass
    except TypeError as e:
        print(type(e), e.message)
