# TEST: pop removes and returns the value (default if missing, KeyError without default); clear empties
#> 1 {"b": 2}
#> dflt
#> KeyError
#> {}
let m = {"a": 1, "b": 2}
print(m.pop("a"), m)
print(m.pop("zz", "dflt"))
try:
    m.pop("zz")
except KeyError as e:
    print("KeyError")
m.clear()
print(m)
