# TEST: bad arguments: empty ranges and sequences, k out of range, wrong types, with messages
#> IndexError random.choice(): empty sequence
#> IndexError random.choice(): empty sequence
#> TypeError random.choice() argument 1 must be a list, str or range, not map
#> ValueError random.randint(): empty range [3, 1]
#> TypeError random.randint() argument 1 must be an int, not float
#> ValueError random.randrange(): empty range
#> ValueError random.randrange(): empty range
#> ValueError random.randrange(): step must not be zero
#> ValueError random.randrange(): empty range
#> ValueError random.sample(): k must be between 0 and 2, not 3
#> ValueError random.sample(): k must be between 0 and 2, not -1
#> TypeError random.sample() argument 1 must be a list, str or range, not map
#> TypeError random.shuffle() argument 1 must be a list, not str
#> TypeError random.shuffle() argument 1 must be a list, not range
#> TypeError random.seed() argument 1 must be an int, a str or nil, not float
#> TypeError random.seed() argument 1 must be an int, a str or nil, not list
#> TypeError random.uniform() argument 1 must be a number, not str
#> TypeError random.gauss() argument 2 must be a number, not str
#> TypeError random.random() takes 0 arguments but 1 was given
#> TypeError random.seed() argument 1 must be an int, a str or nil, not list
import random
def check(f):
    try:
        print(f())
    except Error as e:
        print(type(e), e.message)
check(fn(): random.choice([]))
check(fn(): random.choice(""))
check(fn(): random.choice({"a": 1}))
check(fn(): random.randint(3, 1))
check(fn(): random.randint(1.0, 2))
check(fn(): random.randrange(0))
check(fn(): random.randrange(5, 5))
check(fn(): random.randrange(0, 10, 0))
check(fn(): random.randrange(0, 10, -1))
check(fn(): random.sample([1, 2], 3))
check(fn(): random.sample([1, 2], -1))
check(fn(): random.sample({}, 1))
check(fn(): random.shuffle("abc"))
check(fn(): random.shuffle(range(3)))
check(fn(): random.seed(1.5))
check(fn(): random.seed([1]))
check(fn(): random.uniform("a", 1))
check(fn(): random.gauss(sigma="x"))
check(fn(): random.random(1))
check(fn(): random.Random([]))
