# TEST: list() copies any iterable into a new list
#> [] [1, 2] ["a", "b"] [0, 1, 2] ["k"]
let src = [1, 2]
let c = list(src)
c.append(3)
print(list(), src, list("ab"), list(range(3)), list({"k": 1}))
