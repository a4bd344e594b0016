# TEST: map comprehensions {k: v for ...}: unpacking for targets, filters, later keys win
#> {"a": 2, "b": 4}
#> {1: "a", 2: "b"}
#> {0: 0, 2: 4}
#> {"x": 3}
#> {}
print({k: v * 2 for k, v in {"a": 1, "b": 2}.items()})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({i: i * i for i in range(4) if i % 2 == 0})
print({"x": i for i in range(4)})
print({k: 1 for k in []})
