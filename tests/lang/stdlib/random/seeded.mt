# TEST: seed(n) makes every function repeat its sequence; an int, a str or nil (from the OS) may seed; Random objects are independent generators
#> true
#> true true
#> nil nil
#> Random true true
#> true true
#> true
import random
def draw():
    return [random.random(), random.randint(1, 6), random.choice("héllo"), random.randrange(0, 100, 7), random.uniform(1, 2), random.gauss(0, 1), random.sample(range(100), 3)]
random.seed(42)
let a = draw()
random.seed(42)
print(draw() == a)
random.seed("text")
let b = draw()
random.seed("text")
print(draw() == b, b != a)
random.seed()
random.seed(nil)
print(random.seed(-5), random.seed(a=2 ** 62))
let r1 = random.Random(7)
let r2 = random.Random(7)
print(type(r1), r1.random() == r2.random(), r1.randint(1, 1000) == r2.randint(1, 1000))
random.seed(7)
let r5 = random.Random(7)
print(random.random() == r5.random(), r5.random() != r1.random())
let r3 = random.Random()
r3.seed(3)
let r4 = random.Random(3)
print(r3.sample("abcdef", 6) == r4.sample("abcdef", 6))
