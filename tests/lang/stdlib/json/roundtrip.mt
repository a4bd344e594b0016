# TEST: decode(encode(v)) == v for nested data of every type, floats bit for bit (shortest repr), with and without indent and sort_keys
#> 300
#> true 0.1
#> true 0.3333333333333333
#> true 1e+308
#> true 5e-324
#> true 9007199254740992.0
#> true -1.5e-10
#> true 123.456
import json
import random
random.seed(12)
def value(depth):
    let k = random.randint(0, 8 if depth < 4 else 5)
    if k == 0:
        return nil
    if k == 1:
        return random.random() < 0.5
    if k == 2:
        return random.randint(-9223372036854775807 - 1, 9223372036854775807)
    if k == 3:
        return (random.random() - 0.5) * 10.0 ** random.randint(-300, 300)
    if k == 4 or k == 5:
        let s = ""
        for i in range(random.randint(0, 6)):
            s += chr(random.choice([random.randint(0, 127), random.randint(128, 0xD7FF), random.randint(0xE000, 0x10FFFF)]))
        return s
    if k == 6 or k == 7:
        let xs = []
        for i in range(random.randint(0, 4)):
            xs.append(value(depth + 1))
        return xs
    let m = {}
    for i in range(random.randint(0, 4)):
        m[value(5) if false else str(random.randint(0, 99))] = value(depth + 1)
    return m
let ok = 0
for i in range(300):
    let v = value(0)
    if json.decode(json.encode(v)) == v and json.decode(json.encode(v, indent=1, sort_keys=true)) == v:
        ok += 1
    else:
        print("mismatch", repr(v))
print(ok)
for x in [0.1, 1/3, 1e308, 5e-324, 2.0 ** 53 + 0.0, -1.5e-10, 123.456]:
    print(json.decode(json.encode(x)) == x, json.encode(x))
