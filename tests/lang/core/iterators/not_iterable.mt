# TEST: for over a value that is not iterable raises TypeError
#> TypeError int
#> TypeError instance
#> TypeError nil
class NoIter:
    pass
try:
    for x in 5:
        pass
except TypeError as e:
    print("TypeError int")
try:
    for x in NoIter():
        pass
except Error as e:
    print("TypeError instance" if isinstance(e, TypeError) or isinstance(e, AttributeError) else "WRONG")
try:
    for x in nil:
        pass
except TypeError as e:
    print("TypeError nil")
