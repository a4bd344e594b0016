# TEST: append, extend (from any iterable), insert at positions including negative and past the end
#> [1, 2, 3]
#> [1, 2, 3, 4, 5, "a", "b"]
#> [0, 1, 2, 3, 4, 5, "a", "x", "b", "end"]
let a = [1, 2]
a.append(3)
print(a)
a.extend([4, 5])
a.extend("ab")
print(a)
a.insert(0, 0)
a.insert(-1, "x")
a.insert(100, "end")
print(a)
