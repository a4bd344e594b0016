# items(), enumerate(), zip(), divmod() and partition() give tuples, as in Python;
# isinstance takes a tuple of classes; the pairs unpack and serve as map keys.
#> [("a", 1), ("b", 2)]
#> [(0, "x"), (1, "y")] [(1, "a"), (2, "b")]
#> (3, 1) ("k", "=", "v") ("a", "/", "b")
#> true true false
#> a 1 b 2
#> {(0, "x"): 0, (1, "y"): 1}
#> true
let m = {"a": 1, "b": 2}
print(m.items())
print(enumerate(["x", "y"]), zip([1, 2], "ab"))
print(divmod(7, 2), "k=v".partition("="), "a/b".rpartition("/"))
print(isinstance(1, (int, float)), isinstance(2.5, (int, float)), isinstance("s", (int, float)))
let parts = []
for k, v in m.items():
    parts.append(f"{k} {v}")
print(" ".join(parts))
let keys = {}
for pair in enumerate(["x", "y"]):
    keys[pair] = pair[0]
print(keys)
print(type(m.items()[0]) == "tuple")
