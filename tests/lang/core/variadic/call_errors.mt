# TEST: the TypeErrors of variadic calls name the function and the parameter: missing keyword-only argument, duplicate value, unexpected keyword, too many positional, ** of a non-map or of non-str keys, * of a non-iterable (also for methods)
#> g() missing required keyword-only argument 'a'
#> g() takes 0 arguments but 1 was given
#> f() got multiple values for argument 'a'
#> f() got an unexpected keyword argument 'zz'
#> h() takes 2 arguments but 3 were given
#> h() argument after * must be iterable, not int
#> h() argument after ** must be a map, not list
#> h() keywords must be strings, not int
#> h() got multiple values for argument 'a'
#> h() got multiple values for argument 'b'
#> h() got multiple values for argument 'b'
#> m() argument after * must be iterable, not nil
#> h() missing required argument 'b'
def f(a, *args, key=1):
    return a
def g(*, a, b=2):
    return a + b
def h(a, b):
    return a - b
class K:
    def m(self, *xs):
        return xs
let tries = [
    fn(): g(),
    fn(): g(1),
    fn(): f(1, a=2),
    fn(): f(1, zz=2),
    fn(): h(*[1, 2, 3]),
    fn(): h(*5),
    fn(): h(**[1]),
    fn(): h(**{1: 2}),
    fn(): h(1, **{"a": 2}),
    fn(): h(b=1, **{"b": 2}),
    fn(): h(**{"b": 2}, b=1),
    fn(): K().m(*nil),
    fn(): h(*[1]),
]
for t in tries:
    try:
        t()
    except TypeError as e:
        print(e.message)
