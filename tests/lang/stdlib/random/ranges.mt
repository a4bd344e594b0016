# TEST: results stay in their ranges and cover them: random in [0, 1), randint inclusive, randrange like range, uniform, choice, shuffle a permutation, sample distinct positions
#> true true true true [1, 2, 3, 4, 5, 6] [1, 4, 7, 10]
#> true true
#> true 5 0 7 3
#> true true nil 50 true
#> 5 true true
#> int [] []
#> true
import random
random.seed(1)
let lo = 1.0
let hi = 0.0
let faces = {}
let steps = {}
for i in range(20000):
    let x = random.random()
    if x < lo:
        lo = x
    if x > hi:
        hi = x
    faces[random.randint(1, 6)] = true
    steps[random.randrange(10, 0, -3)] = true
print(lo >= 0, lo < 0.001, hi < 1, hi > 0.999, sorted(faces.keys()), sorted(steps.keys()))
let counts = [0] * 6
for i in range(60000):
    counts[random.randint(0, 5)] += 1
print(min(counts) > 9400, max(counts) < 10600)
let u = random.uniform(-2, -1)
print(u >= -2 and u <= -1, random.randint(5, 5), random.randrange(1), random.choice([7]), random.choice(range(3, 4)))
let xs = list(range(50))
random.shuffle(xs)
print(sorted(xs) == list(range(50)), xs != list(range(50)), random.shuffle([]), len(random.sample(xs, 50)), sorted(random.sample(xs, 50)) == list(range(50)))
let big = random.sample(range(10 ** 12), 5)
print(len(big), min(big) >= 0, max(big) < 10 ** 12)
let extremes = random.randint(-9223372036854775807 - 1, 9223372036854775807)
print(type(extremes), random.sample([], 0), random.sample("ab", k=0))
let g = 0.0
for i in range(20000):
    g += random.gauss(10, 2)
print(g / 20000 > 9.9 and g / 20000 < 10.1)
