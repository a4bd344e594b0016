# TEST: encode raises TypeError for map keys that are not str and for values JSON cannot hold, ValueError for nan/inf, cycles, bad indent and nesting past 1000
#> TypeError json.encode(): map keys must be str, not int
#> TypeError json.encode(): map keys must be str, not nil
#> TypeError json.encode(): cannot encode a value of type function
#> TypeError json.encode(): cannot encode a value of type range
#> TypeError json.encode(): cannot encode a value of type module
#> ValueError json.encode(): nan is not a JSON number
#> ValueError json.encode(): inf is not a JSON number
#> ValueError json.encode(): -inf is not a JSON number
#> ValueError json.encode(): circular reference
#> ValueError json.encode(): circular reference
#> [[1], [1]]
#> ValueError json.encode(): indent must be between 0 and 64, not -1
#> TypeError json.encode() argument 2 must be an int or nil, not str
#> ValueError json.encode(): indent must be between 0 and 64, not 65
#> ValueError json.encode(): nesting deeper than 1000 levels
#> 2000
#> TypeError json.encode() takes at least 1 argument but 0 were given
import json
def check(f):
    try:
        print(f())
    except Error as e:
        print(type(e), e.message)
check(fn(): json.encode({1: "a"}))
check(fn(): json.encode({"a": {nil: 1}}))
check(fn(): json.encode([print]))
check(fn(): json.encode(range(3)))
check(fn(): json.encode(json))
check(fn(): json.encode(float("nan")))
check(fn(): json.encode([float("inf")]))
check(fn(): json.encode(-float("inf")))
let xs = [1]
xs.append(xs)
check(fn(): json.encode(xs))
let m = {}
m["self"] = [m]
check(fn(): json.encode(m))
let shared = [1]
print(json.encode([shared, shared]))
check(fn(): json.encode(1, indent=-1))
check(fn(): json.encode(1, indent="  "))
check(fn(): json.encode(1, indent=65))
let deep = []
let cur = deep
for i in range(1000):
    let next = []
    cur.append(next)
    cur = next
check(fn(): len(json.encode(deep)))
check(fn(): len(json.encode(deep[0])))
check(fn(): json.encode())
