# TEST: builtin functions are values that can be passed around
#> [1, 2, 3]
#> ["1", "2"]
let f = len
print(map(f, ["a", "bb", "ccc"]))
print(map(str, [1, 2]))
