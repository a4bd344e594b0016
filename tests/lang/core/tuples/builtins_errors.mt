# TEST: tuple() of any iterable, index and count, immutability and the errors tuples raise
#> () (1, 2) ("a", "b") (0, 1, 2) ("k",) (1,)
#> (1, 2) ()
#> 1 3 2 0 function
#> ValueError value is not in the tuple
#> IndexError tuple index 4 out of range (length 4)
#> IndexError tuple index -5 out of range (length 4)
#> TypeError tuple indices must be integers, not str
#> TypeError unhashable type: 'list' cannot be a map key
#> TypeError unhashable type: 'list' cannot be a map key
#> TypeError unsupported operand types for +: 'tuple' and 'list'
#> TypeError unsupported operand types for *: 'tuple' and 'float'
#> TypeError unsupported operand types for -: 'tuple' and 'tuple'
#> TypeError 'int' object is not iterable
#> AttributeError 'tuple' object has no attribute 'append'
#> TypeError '<' not supported between 'tuple' and 'tuple'
print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({"k": 1}), tuple(b"\x01"))
let co = coroutine(fn(): [(yield 1), (yield 2)])
print(tuple(co), tuple(nil))
let t = (1, "a", 1, [2])
print(t.index("a"), t.index([2]), t.count(1), t.count(3), type(t.count))
def check(f):
    try:
        f()
    except Error as e:
        print(type(e), e.message)
check(fn(): t.index(9))
check(fn(): t[4])
check(fn(): t[-5])
check(fn(): t["x"])
check(fn(): {t: 1})
check(fn(): hash(((1, 2), [3])))
check(fn(): t + [1])
check(fn(): t * 1.5)
check(fn(): t - t)
check(fn(): tuple(5))
check(fn(): t.append(1))
check(fn(): (1,) < ("a",))
