# TEST: reading a missing key raises KeyError (an Error); get returns nil or the default
#> KeyError
#> nil 0 1
let m = {"a": 1}
try:
    print(m["zz"])
except KeyError as e:
    print("KeyError")
print(m.get("zz"), m.get("zz", 0), m.get("a", 0))
