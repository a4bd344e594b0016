# TEST: any and all over any iterable (coroutines too), reversed gives a new list, divmod floors like // and %; their errors
#> true false true true false false true true
#> true false [5, 0]
#> [3, 2, 1] ["o", "l", "l", "é", "h"] [3, 2, 1, 0] ["b", "a"] []
#> (3, 1) (-4, 1) (-4, -1) (3.0, 1.5) (-4.0, 0.5) (9223372036854775807, 0)
#> ZeroDivisionError integer division by zero
#> TypeError divmod() argument 1 must be a number, not str
#> TypeError divmod() argument 2 must be a number, not nil
#> ZeroDivisionError float floor division by zero
#> TypeError 'int' object is not iterable
#> TypeError 'int' object is not iterable
print(any([0, "", 3]), any([]), all([1, "a"]), all([]), all([1, 0]), any(range(0)), any("ab"), all({1: 0}))
def gen():
    yield 0
    yield 5
print(any(coroutine(gen)), all(coroutine(gen)), reversed(coroutine(gen)))
print(reversed([1, 2, 3]), reversed("héllo"), reversed(range(4)), reversed({"a": 1, "b": 2}), reversed([]))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2), divmod(9223372036854775807, 1))
for f in [fn(): divmod(1, 0), fn(): divmod("a", 1), fn(): divmod(1, nil), fn(): divmod(1.0, 0.0), fn(): any(3), fn(): reversed(1)]:
    try:
        f()
    except Error as e:
        print(type(e), e.message)
