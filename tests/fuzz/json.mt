# TEST: json.decode on thousands of random and malformed documents (mutated valid JSON, token soup, deep nesting, bad escapes) returns a value or raises ValueError, never anything else; decode(encode(v)) == v for random values
#> unexpected 0
#> round trips 1500
#> cases 13015 true true
# TIMEOUT: 60
import json
import random
random.seed(20261207)
let unexpected = 0
let decoded = 0
let rejected = 0

def value(depth):
    let k = random.randint(0, 8 if depth < 5 else 5)
    if k == 0:
        return nil
    if k == 1:
        return random.random() < 0.5
    if k == 2:
        return random.randint(-9223372036854775807 - 1, 9223372036854775807)
    if k == 3:
        return (random.random() - 0.5) * 10.0 ** random.randint(-320, 308)
    if k == 4 or k == 5:
        let cps = []
        for i in range(random.randint(0, 8)):
            cps.append(chr(random.choice([random.randint(0, 0x7F), random.randint(0x80, 0xD7FF), random.randint(0xE000, 0x10FFFF)])))
        return "".join(cps)
    if k == 6 or k == 7:
        let xs = []
        for i in range(random.randint(0, 5)):
            xs.append(value(depth + 1))
        return xs
    let m = {}
    for i in range(random.randint(0, 5)):
        m[value(4) if false else str(random.randint(0, 50))] = value(depth + 1)
    return m

def try_decode(text):
    try:
        json.decode(text)
        decoded += 1
    except ValueError as e:
        if not e.message.startswith("json.decode(): ") or " at line " not in e.message:
            print("bad message", repr(e.message))
            unexpected += 1
        rejected += 1
    except Error as e:
        print("unexpected", type(e), repr(text))
        unexpected += 1

# 1. Round trips.
let trips = 0
for i in range(1500):
    let v = value(0)
    let text = json.encode(v, indent=random.choice([nil, 0, 2]), sort_keys=random.random() < 0.5)
    if json.decode(text) == v:
        trips += 1
    else:
        print("round trip failed", repr(v))
        unexpected += 1

# 2. Mutations of valid documents: delete, insert, replace, truncate, duplicate.
let alphabet = "{}[]\":,.-+eE0123456789 \n\t\\/bfnrtu\x01aéx😀"
def mutate(text):
    let cps = list(text)
    for k in range(random.randint(1, 4)):
        let op = random.randint(0, 4)
        let at = random.randint(0, len(cps))
        if op == 0 and len(cps) > 0 and at < len(cps):
            cps.pop(at)
        elif op == 1:
            cps.insert(at, random.choice(alphabet))
        elif op == 2 and at < len(cps):
            cps[at] = random.choice(alphabet)
        elif op == 3:
            cps = cps[:at]
        else:
            cps = cps[:at] + cps[at:at + random.randint(1, 8)] + cps[at:]
    return "".join(cps)
for i in range(6000):
    try_decode(mutate(json.encode(value(0))))

# 3. Token soup.
let tokens = ["{", "}", "[", "]", ":", ",", "\"", "\"a\"", "1", "-0", "1e9", "1.5", "true", "false", "null", " ", "\\u", "\\ud800", "\\udc00", "\\", "nul", "0x1", "\n"]
for i in range(6000):
    let parts = []
    for k in range(random.randint(0, 20)):
        parts.append(random.choice(tokens))
    try_decode("".join(parts))

# 4. Deep and wide nesting, strings of escapes, big numbers.
for depth in [999, 1000, 1001, 5000, 100000]:
    try_decode("[" * depth + "]" * depth)
    try_decode("{\"a\":" * depth + "1" + "}" * depth)
    try_decode("[" * depth)
for i in range(500):
    let esc = []
    for k in range(random.randint(0, 6)):
        esc.append(random.choice(["\\u", "\\ud83d", "\\ude00", "\\n", "\\x", "\\", "a", "é", "\\u00", "\\uDFFF", "\\uD800\\uDC00"]))
    try_decode("\"" + "".join(esc) + "\"")
    try_decode("9" * random.randint(1, 40) + random.choice(["", ".5", "e400", "e-400", "e"]))

print("unexpected", unexpected)
print("round trips", trips)
print("cases", decoded + rejected, decoded > 100, rejected > 1000)
