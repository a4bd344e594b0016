# TEST: for a, b in xs unpacks 2-element lists
#> 1 2
#> 3 4
#> k v
for a, b in [[1, 2], [3, 4]]:
    print(a, b)
for a, b in {"k": "v"}.items():
    print(a, b)
